/** Hostile HTML: nothing that could run, load or navigate survives into the article. */
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../../../electron/services/intake/importArticle';
import { readHtmlFragment } from '../../../../../electron/services/intake/html/readHtml';
import { HOSTILE_HTML } from '../../../../fixtures/intake/makeFixtures';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('hostile HTML', () => {
  const article = importArticle('hostile.html', utf8(HOSTILE_HTML));

  it('keeps the readable text and the image alt as a placeholder', () => {
    expect(article.format).toBe('html');
    expect(article.text).toContain('The port authority said dredging of the harbour will start in spring');
    expect(article.text).toContain('A link that runs script and a data link sit in this sentence.');
    expect(article.blocks).toContainEqual({ type: 'caption', text: '[Image: Dredger at the quay]' });
    // The image without alt text is dropped.
    expect(article.blocks.filter((b) => b.text.startsWith('[Image'))).toHaveLength(1);
  });

  it('carries no script, handler, URL or CSS anywhere in blocks, text or metadata', () => {
    const everything = JSON.stringify(article);
    for (const bad of ['__pwned', 'evil.example', 'javascript:', 'data:text', 'onload', 'onerror', 'url(', '<script', 'Send']) {
      expect(everything, bad).not.toContain(bad);
    }
  });

  it.each([
    ['script', '<p>a</p><script>window.__pwned=1</script>', 'script'],
    ['event handler', '<p onclick="window.__pwned=1">a</p>', 'onclick'],
    ['javascript: URL', '<a href="javascript:window.__pwned=1">a</a>', 'javascript:'],
    ['data: URL', '<a href="data:text/html,x">a</a><img src="data:image/png;base64,AAAA" alt="x">', 'data:'],
    ['iframe', '<iframe src="https://evil.example/"></iframe><p>a</p>', 'iframe'],
    ['object', '<object data="https://evil.example/"></object><p>a</p>', 'object'],
    ['embed', '<embed src="https://evil.example/"><p>a</p>', 'embed'],
    ['svg onload', '<svg onload="window.__pwned=1"><circle r="1"/></svg><p>a</p>', 'svg'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>a</p>', 'refresh'],
    ['base href', '<base href="https://evil.example/"><p>a</p>', 'base'],
    ['CSS url()', '<p style="background:url(https://evil.example/t.gif)">a</p><style>p{background:url(https://evil.example/)}</style>', 'url('],
    ['img src', '<p>a</p><img src="https://evil.example/pixel.gif" alt="pixel">', 'evil.example'],
    ['iframe srcdoc', '<p>a</p><iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;">frame text</iframe>', '__pwned'],
    ['SVG script and link', '<p>a</p><svg><a xlink:href="javascript:x()"><text>svg text</text></a><script>window.__pwned=1</script></svg>', 'svg text'],
    ['MathML', '<p>a</p><math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>', '__pwned'],
    ['template content', '<p>a</p><template><p>template text</p></template>', 'template text'],
    ['noscript content', '<p>a</p><noscript><p>noscript text</p></noscript>', 'noscript text'],
    ['style element text', '<p>a</p><style>p { color: red }</style>', 'color'],
    ['upper-case script', '<P>a</P><SCRIPT>window.__pwned=1</SCRIPT>', '__pwned'],
    ['form controls', '<form action="https://evil.example/"><p>a</p><button>Send</button><textarea>typed</textarea><select><option>choice</option></select></form>', 'Send'],
    ['an alt that ends a raw-text element', '<p>a</p><img alt="</style><script>window.__pwned=1</script>">', '__pwned'],
  ])('the sanitizer leaves nothing of %s in the blocks', (_name, html, needle) => {
    const { blocks } = readHtmlFragment(html);
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'a' });
    // The same HTML imported as a page (Readability's article, or the whole page) is as clean.
    for (const json of [JSON.stringify(blocks), JSON.stringify(importArticle('case.html', utf8(html)).blocks)]) {
      expect(json).not.toContain(needle);
      expect(json).not.toMatch(/__pwned|evil\.example/);
    }
  });

  it('gives nothing but typed plain-text blocks: no element, attribute or URL survives', () => {
    const html = `${HOSTILE_HTML}<p dir="rtl" lang="ar" title="t" data-x="1" onclick="x()"><a href="https://evil.example/">Link text</a> <time datetime="2026-01-01">today</time></p>`;
    for (const blocks of [readHtmlFragment(html).blocks, article.blocks]) {
      for (const block of blocks) expect(Object.keys(block).every((key) => key === 'type' || key === 'text' || key === 'level'), JSON.stringify(block)).toBe(true);
    }
    expect(readHtmlFragment(html).blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Link text today' });
    expect(JSON.stringify(readHtmlFragment(html).blocks)).not.toMatch(/evil\.example|__pwned|<[a-z]/i);
  });

  it('refuses binary junk named .html and an empty page, naming the file', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => importArticle('junk.html', junk)).toThrow(/Cannot import "junk\.html": it does not look like a web page/);
    expect(() => importArticle('empty.html', utf8(''))).toThrow(/"empty\.html".*empty/);
    expect(() => importArticle('blank.html', utf8('<html><body>  </body></html>'))).toThrow(/"blank\.html".*no readable text/);
  });
});
