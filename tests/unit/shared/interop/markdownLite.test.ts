/**
 * The reports' Markdown reader: what it renders, that hostile text stays text in both outputs
 * (HTML and Markdown written back), and that long pathological rationales (256 KB of unclosed
 * brackets, asterisks, underscores or backticks, which took minutes when each opener searched the
 * rest of the line again) render completely.
 */
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml, markdownToSafeMarkdown, parseInline } from '../../../../shared/interop/markdownLite';

const ALLOWED_TAG = /^<(\/?(p|ul|ol|li|strong|em|code)|br|a href="https?:\/\/[^"<>]*" rel="noopener noreferrer"|\/a)>/;

/** Every "<" in the HTML opens one of the tags the renderer writes. */
function foreignTags(html: string): string[] {
  const found: string[] = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    if (!ALLOWED_TAG.test(html.slice(i, i + 300))) found.push(html.slice(i, i + 40));
  }
  return found;
}

interface MdNode {
  type: string;
  url?: string;
  children?: MdNode[];
}

function unsafeMarkdownNodes(markdown: string): string[] {
  const problems: string[] = [];
  const walk = (node: MdNode) => {
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'definition' || node.type === 'linkReference') problems.push(node.type);
    if (node.type === 'link' && !/^https?:\/\//.test(node.url ?? '')) problems.push(`link ${node.url}`);
    for (const child of node.children ?? []) walk(child);
  };
  walk(fromMarkdown(markdown) as MdNode);
  return problems;
}

describe('markdownToSafeHtml', () => {
  it('renders paragraphs, lists, strong, emphasis, code and checked links', () => {
    expect(markdownToSafeHtml('One **two** *three* _four_ __five__ `six`\nline two')).toBe(
      '<p>One <strong>two</strong> <em>three</em> <em>four</em> <strong>five</strong> <code>six</code><br>\nline two</p>',
    );
    expect(markdownToSafeHtml('- a\n  continued\n- b\n\n1. x\n2) y')).toBe('<ul><li>a continued</li><li>b</li></ul>\n<ol><li>x</li><li>y</li></ol>');
    expect(markdownToSafeHtml('# Heading\n> quoted')).toBe('<p>Heading<br>\nquoted</p>');
    expect(markdownToSafeHtml('[the *report*](https://e.org/a?b=1&c=2) and [bad](javascript:alert(1)) and [](https://e.org/)')).toBe(
      '<p><a href="https://e.org/a?b=1&amp;c=2" rel="noopener noreferrer">the <em>report</em></a> and bad) and <a href="https://e.org/" rel="noopener noreferrer">https://e.org/</a></p>',
    );
    expect(markdownToSafeHtml('**bold with *em* inside** and 2*3*4 and snake_case_name')).toBe(
      '<p><strong>bold with <em>em</em> inside</strong> and 2*3*4 and snake_case_name</p>',
    );
    expect(markdownToSafeHtml('`a [b](https://x.org/)` [c `d`](https://y.org/)')).toBe(
      '<p><code>a [b](https://x.org/)</code> <a href="https://y.org/" rel="noopener noreferrer">c `d`</a></p>',
    );
  });

  it('keeps raw HTML, entities and unclosed syntax as text', () => {
    expect(markdownToSafeHtml('<script>alert(1)</script> &amp; 2 ** 3 [x](y z) `open')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 2 ** 3 [x](y z) `open</p>',
    );
  });

  it('writes only its own tags, whatever the text (property)', () => {
    const alphabet = fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '"', "'", '&', '\n', ' ', 'a', 'b', '-', '1', '.', '#', 'javascript:', 'https://e.org/', '<script>', '\u2028');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        expect(foreignTags(markdownToSafeHtml(chars.join('')))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('markdownToSafeMarkdown', () => {
  it('writes the same formatting back and escapes everything else', () => {
    expect(markdownToSafeMarkdown('A **b** *c* `d` [e](https://e.org/)\n\n- x\n- y')).toBe('A **b** *c* `d` [e](<https://e.org/>)\n\n- x\n- y');
    expect(markdownToSafeMarkdown('<img src=x onerror=alert(1)> ![p](https://t.example/p.gif) [r][1]\n\n[1]: javascript:alert(1)')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\![p](<https://t.example/p.gif>) \\[r\\]\\[1\\]\n\n\\[1\\]: javascript:alert(1)',
    );
  });

  it('never yields raw HTML, images, references or links but http(s) (property, read back by a CommonMark parser)', () => {
    const alphabet = fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '&', '\n', '\n\n', ' ', '    ', 'a', '-', '=', '1.', '#', ':', 'javascript:x', 'https://e.org/', '<b>', '&lt;');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 50 }), (chars) => {
        expect(unsafeMarkdownNodes(markdownToSafeMarkdown(chars.join('')))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('long pathological text renders completely', () => {
  const MB = 256 * 1024; // a quarter of a megabyte: minutes for the old renderer, milliseconds now
  it.each([
    ['unclosed brackets', '['.repeat(MB)],
    ['links never closed', '[a](b '.repeat(MB / 6)],
    ['label and target never closed', '[a](bcd'.repeat(MB / 7)],
    ['unclosed strong', '**a '.repeat(MB / 4)],
    ['unclosed emphasis', '*a '.repeat(MB / 3)],
    ['unclosed underscores', '_a '.repeat(MB / 3)],
    ['backticks with nothing between', '`'.repeat(MB)],
  ])('%s (256 KB on one line)', (_name, text) => {
    const html = markdownToSafeHtml(text);
    expect(html.startsWith('<p>')).toBe(true);
    expect(html.replace(/<\/?p>/g, '')).toBe(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
  });

  it('256 KB of closed emphasis in one line is all emphasis', () => {
    const parts = parseInline('*a* '.repeat(MB / 4));
    expect(parts.filter((p) => p.type === 'em')).toHaveLength(MB / 4);
  });
});
