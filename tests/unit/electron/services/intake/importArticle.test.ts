import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, MAX_TEXT_FILE_BYTES } from '../../../../../electron/services/intake/importArticle';
import { markdownToBlocks } from '../../../../../electron/services/intake/markdown';
import { plainTextToBlocks } from '../../../../../electron/services/intake/plainText';
import { joinBlocks } from '../../../../../shared/articles/canonicalText';
import { ArticleVersionSchema } from '../../../../../shared/model';
import { SHARED_FIXTURES } from '../../../testPaths';

const utf8 = (text: string) => new TextEncoder().encode(text);
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('plain text intake', () => {
  it('splits paragraphs at blank lines, joins soft wraps, takes the first line as title and heading', () => {
    const { title, blocks } = plainTextToBlocks('\uFEFFA headline\r\n\r\nFirst line of text\r\nwrapped  here.\r\n \r\nSecond\tparagraph.\rStill second.\n\n\n');
    expect(title).toBe('A headline');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'A headline' },
      { type: 'paragraph', text: 'First line of text wrapped here.' },
      { type: 'paragraph', text: 'Second paragraph. Still second.' },
    ]);
  });

  it('keeps a first paragraph of several lines as a paragraph (its first line still names the article)', () => {
    const { title, blocks } = plainTextToBlocks('Opening words that\ncontinue here.\n\nMore.');
    expect(title).toBe('Opening words that');
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'Opening words that continue here.' });
  });

  it('imports the fixture article: canonical text, hashes, metadata', async () => {
    const bytes = new Uint8Array(await fs.readFile(path.join(SHARED_FIXTURES, 'articles', 'petro-intel-sharing.txt')));
    const now = new Date('2026-03-04T05:06:07Z');
    const article = importArticle('petro-intel-sharing.txt', bytes, now);
    expect(ArticleVersionSchema.parse(article)).toEqual(article);
    expect(article.format).toBe('text');
    expect(article.importedAt).toBe(now.toISOString());
    expect(article.text).toBe(joinBlocks(article.blocks));
    expect(article.text).toContain('at least 75 people');
    expect(article.metadata.title).toMatch(/^Announcement comes as US aircraft carrier/);
    expect(article.metadata.fileName).toBe('petro-intel-sharing.txt');
    expect(article.metadata.fileSha256).toBe(sha(bytes));
    expect(article.textSha256).toBe(sha(article.text));
    expect(article.metadata.wordCount).toBeGreaterThan(400);
    expect(article.blocks[0].type).toBe('heading');
  });
});

describe('markdown intake', () => {
  const source = [
    '# Main *title* here',
    '',
    'A paragraph with **bold**, `code` and a [link](https://example.com)',
    'that wraps.',
    '',
    '## Section',
    '',
    '> A quoted',
    '> passage.',
    '',
    '- first item',
    '- second item',
    '  - nested item',
    '',
    '1. numbered',
    '',
    '```js',
    'const x = 1;',
    '',
    'console.log(x);',
    '```',
    '',
    '<div>raw html</div>',
    '',
    '---',
    '',
    '![an image](pic.png) after image',
  ].join('\n');

  it('turns headings, paragraphs, quotes, list items and code into blocks', () => {
    const { title, blocks } = markdownToBlocks(source);
    expect(title).toBe('Main title here');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Main title here' },
      { type: 'paragraph', text: 'A paragraph with bold, code and a link that wraps.' },
      { type: 'heading', level: 2, text: 'Section' },
      { type: 'quote', text: 'A quoted passage.' },
      { type: 'listItem', text: 'first item' },
      { type: 'listItem', text: 'second item' },
      { type: 'listItem', text: 'nested item' },
      { type: 'listItem', text: 'numbered' },
      { type: 'preformatted', text: 'const x = 1;\n\nconsole.log(x);' },
      { type: 'paragraph', text: 'an image after image' },
    ]);
  });

  it('takes the first line as title without a heading, and skips front matter', () => {
    expect(markdownToBlocks('Just text\nmore text.').title).toBe('Just text more text.');
    const withFront = markdownToBlocks('---\ntitle: "From front matter"\nauthor: x\n---\nBody text.');
    expect(withFront.title).toBe('From front matter');
    expect(withFront.blocks).toEqual([{ type: 'paragraph', text: 'Body text.' }]);
  });

  it('imports a .md file with format markdown', () => {
    const article = importArticle('notes/story.MD', utf8(source));
    expect(article.format).toBe('markdown');
    expect(article.metadata.fileName).toBe('story.MD');
    expect(article.metadata.title).toBe('Main title here');
    expect(article.text.startsWith('Main title here\n\nA paragraph with bold')).toBe(true);
  });
});

describe('bad files', () => {
  it('refuses unsupported extensions, naming the file', () => {
    expect(() => importArticle('report.pdf', utf8('%PDF'))).toThrow(expect.objectContaining({ code: 'unsupported-file', message: expect.stringContaining('report.pdf') }));
    expect(() => importArticle('README', utf8('hello'))).toThrow(expect.objectContaining({ code: 'unsupported-file' }));
  });

  it('refuses empty and whitespace-only files', () => {
    expect(() => importArticle('empty.txt', new Uint8Array())).toThrow(/"empty\.txt".*empty/);
    expect(() => importArticle('blank.md', utf8(' \n\t\r\n'))).toThrow(/"blank\.md".*empty/);
    expect(() => importArticle('only-html.md', utf8('<!-- nothing -->\n'))).toThrow(/empty/);
  });

  it('refuses binary files: NUL bytes or mostly invalid UTF-8', () => {
    expect(() => importArticle('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x41]))).toThrow(/does not look like a text file/);
    const noise = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x02 : 0xc3 + (i % 7)));
    expect(() => importArticle('noise.txt', noise)).toThrow(expect.objectContaining({ code: 'unsupported-file' }));
  });

  it('reads Windows-1252 text and tolerates a rare bad byte', () => {
    const latin = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' cr'), 0xe8, ...utf8('me')]);
    expect(importArticle('old.txt', latin).text).toBe('Café crème');
    const mostlyGood = new Uint8Array([...utf8('a'.repeat(300)), 0xff]);
    expect(importArticle('ok.txt', mostlyGood).text).toBe(`${'a'.repeat(300)}\uFFFD`);
  });

  it('refuses text files above the size limit, naming the limit', () => {
    const big = new Uint8Array(MAX_TEXT_FILE_BYTES + 1).fill(0x61);
    expect(() => importArticle('huge.txt', big)).toThrow(/huge\.txt.*20 MB/);
  });
});
