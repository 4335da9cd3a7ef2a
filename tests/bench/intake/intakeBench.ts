/**
 * Intake benchmark (npm run bench:intake): per-page import time on the 31 fixture pages, our whole
 * pipeline (importArticle: decode, linkedom parse, metadata, Readability, DOMPurify on jsdom, blocks,
 * hashes) against bare Readability on the same DOM library (linkedom parse + Readability.parse) in
 * the same run. Also prints bare Readability on jsdom (speed, and word F1 of both libraries' text
 * against expected.html): the measurement behind parsing pages with linkedom.
 * Each page: 1 warm-up, then the median of N runs (N = BENCH_RUNS, default 5), alternating the two.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { importArticle } from '../../../electron/services/intake/importArticle';
import { decodeHtml } from '../../../electron/services/intake/html/decodeHtml';
import { FIXTURES, fixturePages } from '../../unit/electron/services/intake/fixturePages';
import { wordF1 } from '../../unit/electron/services/intake/wordF1';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function bareJsdom(html: string): string {
  const { window } = new JSDOM(html, { url: 'https://offline.invalid/', contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const text = new Readability(window.document).parse()?.textContent ?? '';
  window.close();
  return text;
}

function bareLinkedom(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

function expectedText(html: string): string {
  const { window } = new JSDOM(html);
  const text = window.document.body?.textContent ?? '';
  window.close();
  return text;
}

const rows: string[] = [];
let oursTotal = 0;
let bareTotal = 0;
let linkedomTotal = 0;
const ratios: number[] = [];
const f1 = { jsdom: [] as number[], linkedom: [] as number[] };
for (const page of fixturePages()) {
  const bytes = readFileSync(path.join(FIXTURES, page, 'source.html'));
  const html = decodeHtml(bytes)!;
  const expected = expectedText(readFileSync(path.join(FIXTURES, page, 'expected.html'), 'utf8'));
  importArticle(`${page}.html`, bytes);
  bareJsdom(html);
  bareLinkedom(html);
  const ours: number[] = [];
  const bare: number[] = [];
  const light: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(time(() => importArticle(`${page}.html`, bytes)));
    bare.push(time(() => bareJsdom(html)));
    light.push(time(() => bareLinkedom(html)));
  }
  f1.jsdom.push(wordF1(bareJsdom(html), expected));
  f1.linkedom.push(wordF1(bareLinkedom(html), expected));
  const [o, b, l] = [median(ours), median(bare), median(light)];
  oursTotal += o;
  bareTotal += b;
  linkedomTotal += l;
  ratios.push(o / l);
  rows.push(`${page.padEnd(18)} ours ${o.toFixed(1).padStart(7)} ms   bare ${l.toFixed(1).padStart(7)} ms   ratio ${(o / l).toFixed(2)}   jsdom bare ${b.toFixed(1).padStart(7)} ms`);
}
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
console.log(rows.join('\n'));
console.log(`\nwhole pipeline vs bare Readability (linkedom), sum of per-page medians: ${oursTotal.toFixed(0)} ms vs ${linkedomTotal.toFixed(0)} ms → ratio ${(oursTotal / linkedomTotal).toFixed(2)}× (median per-page ratio ${median(ratios).toFixed(2)}×; goal ≤ 1.3×)`);
const GOAL = 1.3;
const ratio = oursTotal / linkedomTotal;
console.log(`goal: whole pipeline ≤ ${GOAL}× bare Readability (sum of per-page medians) → ${ratio <= GOAL ? 'met' : `MISSED (${ratio.toFixed(2)}×)`}; run ${new Date().toISOString().slice(0, 10)} (npm run bench:intake)`);
console.log(`bare Readability on jsdom: ${bareTotal.toFixed(0)} ms → our whole pipeline takes ${(oursTotal / bareTotal).toFixed(2)}× the bare jsdom extraction`);
console.log(`bare Readability text word F1 vs expected.html: jsdom mean ${mean(f1.jsdom).toFixed(4)} (min ${Math.min(...f1.jsdom).toFixed(4)}), linkedom mean ${mean(f1.linkedom).toFixed(4)} (min ${Math.min(...f1.linkedom).toFixed(4)})`);
