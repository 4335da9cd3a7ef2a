/**
 * Quality on the 31 real pages of ../shared/fixtures/readability-pages: our canonical text against
 * the text of each expected.html (word-level F1), and our title against expected-metadata's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../../../electron/services/intake/importArticle';
import { FIXTURES, fixturePages } from './fixturePages';
import { wordF1 } from './wordF1';


/**
 * The reference text of an expected.html: its text content, with each image that has alt text
 * counted as "[Image: alt]" — the placeholder our reader shows for it (images are never loaded).
 */
function expectedText(html: string): string {
  const { window } = new JSDOM(html);
  for (const img of Array.from(window.document.querySelectorAll('img[alt]'))) {
    const alt = img.getAttribute('alt')?.trim();
    if (alt) img.replaceWith(window.document.createTextNode(` [Image: ${alt}] `));
  }
  const text = window.document.body?.textContent ?? '';
  window.close();
  return text;
}

describe('readability fixture pages', () => {
  it('extracts each page faithfully (word F1 mean ≥ 0.97, none < 0.90; title on ≥ 29/31)', () => {
    const pages = fixturePages();
    expect(pages.length).toBe(31);
    const rows: { page: string; f1: number; titleOk: boolean; title: string; expectedTitle: string }[] = [];
    for (const page of pages) {
      const dir = path.join(FIXTURES, page);
      const article = importArticle(`${page}.html`, readFileSync(path.join(dir, 'source.html')));
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { title: string };
      const f1 = wordF1(article.text, expectedText(readFileSync(path.join(dir, 'expected.html'), 'utf8')));
      rows.push({ page, f1, titleOk: article.metadata.title === expected.title, title: article.metadata.title, expectedTitle: expected.title });
    }
    const mean = rows.reduce((sum, row) => sum + row.f1, 0) / rows.length;
    const titles = rows.filter((row) => row.titleOk).length;
    const table = rows.map((r) => `${r.page.padEnd(18)} ${r.f1.toFixed(4)}  ${r.titleOk ? 'title ok' : `title: ${JSON.stringify(r.title)} ≠ ${JSON.stringify(r.expectedTitle)}`}`);
    console.log(['page               F1', ...table, `mean F1 ${mean.toFixed(4)}, min ${Math.min(...rows.map((r) => r.f1)).toFixed(4)}, titles ${titles}/${rows.length}`].join('\n'));
    expect(mean).toBeGreaterThanOrEqual(0.97);
    for (const row of rows) expect(row.f1, row.page).toBeGreaterThanOrEqual(0.9);
    expect(titles).toBeGreaterThanOrEqual(29);
  }, 180_000);
});
