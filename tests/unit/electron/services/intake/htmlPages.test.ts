/** Web pages: blocks from the sanitized DOM and metadata from meta tags, JSON-LD, time, canonical, lang/dir. */
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../../../electron/services/intake/importArticle';
import { HTML_LIMITS, readHtml, readHtmlFragment } from '../../../../../electron/services/intake/html/readHtml';

const utf8 = (text: string) => new TextEncoder().encode(text);

const PAGE = `<!DOCTYPE html><html lang="es" dir="ltr"><head>
<meta charset="utf-8"><title>Presupuesto | Diario Ejemplo</title>
<link rel="canonical" href="https://diario.example/2026/presupuesto">
<meta property="og:url" content="https://diario.example/og">
<meta property="og:site_name" content="Diario Ejemplo">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"El presupuesto crece","author":[{"@type":"Person","name":"Ana Ruiz"}],"datePublished":"2026-03-01T08:00:00+01:00","dateModified":"2026-03-02T09:30:00+01:00","publisher":{"@type":"Organization","name":"Diario Ejemplo"}}]}</script>
</head><body><article>
<h1>El presupuesto crece</h1><time datetime="2026-03-01">1 de marzo</time>
<p>El gobierno presentó el martes un presupuesto que, según el ministro, aumentará el gasto en educación un cinco por ciento durante el próximo año fiscal.</p>
<h2>Reacciones</h2>
<blockquote><p>Es una cifra insuficiente para las escuelas rurales.</p></blockquote>
<ul><li>Educación: más 5 %</li><li>Sanidad: más 3 %</li></ul>
<pre>Partida   Importe
Escuelas  120</pre>
<table><tr><th>Región</th><td>Norte</td></tr></table>
<figure><img src="https://x.example/a.jpg" alt="El ministro en el Congreso"><figcaption>El ministro, el martes.</figcaption></figure>
<p>La oposición anunció que presentará enmiendas a la totalidad antes de que termine el mes, y pidió más fondos para la sanidad pública en las provincias del interior.</p>
</article></body></html>`;

describe('HTML pages', () => {
  it('reads metadata from JSON-LD, meta tags, canonical link and the html element', () => {
    const { metadata } = importArticle('presupuesto.html', utf8(PAGE));
    expect(metadata).toMatchObject({
      byline: 'Ana Ruiz',
      siteName: 'Diario Ejemplo',
      publishedAt: '2026-03-01T07:00:00.000Z',
      modifiedAt: '2026-03-02T08:30:00.000Z',
      url: 'https://diario.example/2026/presupuesto',
      language: 'es',
      direction: 'ltr',
      fileName: 'presupuesto.html',
    });
    expect(metadata.title).toMatch(/presupuesto/i);
    expect(metadata.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns the sanitized DOM into typed blocks', () => {
    const { blocks } = importArticle('presupuesto.html', utf8(PAGE));
    const types = blocks.map((b) => b.type);
    expect(blocks).toContainEqual({ type: 'quote', text: 'Es una cifra insuficiente para las escuelas rurales.' });
    expect(blocks).toContainEqual({ type: 'listItem', text: 'Educación: más 5 %' });
    expect(blocks).toContainEqual({ type: 'preformatted', text: 'Partida   Importe\nEscuelas  120' });
    expect(blocks).toContainEqual({ type: 'tableCell', text: 'Región' });
    expect(blocks).toContainEqual({ type: 'caption', text: '[Image: El ministro en el Congreso]' });
    expect(blocks).toContainEqual({ type: 'caption', text: 'El ministro, el martes.' });
    expect(types).toContain('heading');
  });

  it('takes og:url when there is no canonical link, and only absolute http(s) URLs', () => {
    const page = (head: string) => importArticle('p.html', utf8(`<html><head>${head}</head><body><p>Some text that is here.</p></body></html>`)).metadata.url;
    expect(page('<meta property="og:url" content="https://site.example/a">')).toBe('https://site.example/a');
    expect(page('<link rel="canonical" href="/relative"><meta property="og:url" content="javascript:alert(1)">')).toBeUndefined();
  });

  it('reads right-to-left pages from dir, and detects Arabic text without it', () => {
    const arabic = 'أعلنت البلدية أن أعمال الصيانة في الميناء ستبدأ في الربيع وتستمر أربعة أشهر.';
    expect(importArticle('a.html', utf8(`<html lang="ar" dir="rtl"><body><p>${arabic}</p></body></html>`)).metadata).toMatchObject({ direction: 'rtl', language: 'ar' });
    expect(importArticle('b.html', utf8(`<html><body><p>${arabic}</p></body></html>`)).metadata.direction).toBe('rtl');
    expect(importArticle('c.txt', utf8(arabic)).metadata.direction).toBe('rtl');
    expect(importArticle('d.txt', utf8('Plain English text.')).metadata.direction).toBe('ltr');
  });

  it('reads a page saved "complete" like any page (its _files folder is never used)', () => {
    const saved = `<html><head><link rel="stylesheet" href="page_files/style.css"><script src="page_files/app.js"></script></head><body><p>Saved page text with a picture <img src="page_files/photo.jpg" alt="Photo"> here.</p></body></html>`;
    const article = importArticle('page.htm', utf8(saved));
    expect(article.text).toBe('Saved page text with a picture\n\n[Image: Photo]\n\nhere.');
  });

  it('decodes a page in a declared legacy charset', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body><p>Caf'), 0xe9, ...new TextEncoder().encode(' cr'), 0xe8, ...new TextEncoder().encode('me</p></body></html>')]);
    expect(importArticle('old.html', latin1).text).toBe('Café crème');
  });

  it('reads an HTML fragment without Readability', () => {
    expect(readHtmlFragment('<p>One</p><ul><li>Two</li></ul>').blocks).toEqual([
      { type: 'paragraph', text: 'One' },
      { type: 'listItem', text: 'Two' },
    ]);
  });
});

describe('HTML size limits', () => {
  const page = (paragraphs: number) => `<html><body><article>${'<p>The committee heard evidence about harbour fees and ferry timetables.</p>'.repeat(paragraphs)}</article></body></html>`;

  it('refuses a page with too many elements, naming the limit', () => {
    expect(() => readHtml(page(200), { maxElements: 150, maxArticleHtml: 1e9 })).toThrow(/more than the limit of 150 for web pages/);
  });

  it('refuses an article whose HTML is over the size limit, naming it', () => {
    expect(() => readHtml(page(200), { maxElements: 1e9, maxArticleHtml: 4096 })).toThrow(/article text is longer than the [0-9.]+ MB limit for web pages/);
    expect(readHtml(page(200)).blocks).toHaveLength(200);
  });

  it('has limits a real page stays far below', () => {
    expect(HTML_LIMITS.maxElements).toBeGreaterThanOrEqual(100_000);
    expect(HTML_LIMITS.maxArticleHtml).toBeGreaterThanOrEqual(2 * 1024 * 1024);
  });
});
