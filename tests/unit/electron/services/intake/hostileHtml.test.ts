/** Hostile HTML: nothing that could run, load or navigate survives into the article. */
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../../../electron/services/intake/importArticle';
import { sanitizeHtmlString } from '../../../../../electron/services/intake/html/sanitize';
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
    ['img src', '<img src="https://evil.example/pixel.gif" alt="pixel">', 'evil.example'],
  ])('the sanitizer removes %s', (_name, html, needle) => {
    const body = sanitizeHtmlString(html);
    expect(body.innerHTML).not.toContain(needle);
  });

  it('refuses binary junk named .html and an empty page, naming the file', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => importArticle('junk.html', junk)).toThrow(/Cannot import "junk\.html": it does not look like a web page/);
    expect(() => importArticle('empty.html', utf8(''))).toThrow(/"empty\.html".*empty/);
    expect(() => importArticle('blank.html', utf8('<html><body>  </body></html>'))).toThrow(/"blank\.html".*no readable text/);
  });
});
