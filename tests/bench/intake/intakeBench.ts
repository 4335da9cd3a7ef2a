/**
 * Intake benchmark (npm run bench:intake): per-page import time on the 31 fixture pages, our whole
 * pipeline (importArticle: decode, linkedom parse, element count, metadata, Readability, the
 * sanitizing walk into blocks, hashes) against bare Readability on the same DOM library (linkedom
 * parse + Readability.parse) in the same run, and where the difference goes, stage by stage. Also
 * prints bare Readability on jsdom (speed, and word F1 of both libraries' text against
 * expected.html): the measurement behind parsing pages with linkedom.
 * Each page: 1 warm-up, then the median of N runs (N = BENCH_RUNS, default 5), alternating them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { importArticle } from '../../../electron/services/intake/importArticle';
import { decodeHtml } from '../../../electron/services/intake/html/decodeHtml';
import { domToBlocks } from '../../../electron/services/intake/html/domToBlocks';
import { readHtmlMetadata } from '../../../electron/services/intake/html/htmlMetadata';
import { parsePage } from '../../../electron/services/intake/html/parsePage';
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

/** The steps of readHtml one by one (the same calls in the same order), each timed. */
const STAGES = ['parse', 'element count', 'metadata', 'Readability', 'article size check', 'sanitizing walk → blocks'] as const;
type Stage = (typeof STAGES)[number];
function stagesOf(html: string): Record<Stage, number> {
  const times = {} as Record<Stage, number>;
  let document!: Document;
  let article!: Element;
  times.parse = time(() => void (document = parsePage(html)));
  times['element count'] = time(() => void document.querySelectorAll('*').length);
  times.metadata = time(() => void readHtmlMetadata(document));
  times.Readability = time(() => void (article = new Readability<Element>(document, { serializer: (node) => node as Element }).parse()!.content!));
  times['article size check'] = time(() => void article.innerHTML.length);
  times['sanitizing walk → blocks'] = time(() => void domToBlocks(article));
  return times;
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
const stageTotals = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
let bareParseTotal = 0;
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
  const stages: Record<Stage, number>[] = [];
  const bareParse: number[] = [];
  stagesOf(html);
  for (let i = 0; i < RUNS; i++) {
    ours.push(time(() => importArticle(`${page}.html`, bytes)));
    bare.push(time(() => bareJsdom(html)));
    light.push(time(() => bareLinkedom(html)));
    stages.push(stagesOf(html));
    bareParse.push(time(() => void parseHTML(html)));
  }
  for (const stage of STAGES) stageTotals[stage] += median(stages.map((run) => run[stage]));
  bareParseTotal += median(bareParse);
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
const percent = (ms: number) => `${((ms / linkedomTotal) * 100).toFixed(1)} %`;
const bareReadability = linkedomTotal - bareParseTotal;
console.log(`by stage (sum of per-page medians, timed apart; % of bare parse + Readability = ${linkedomTotal.toFixed(0)} ms):`);
console.log(`  bare: parse ${bareParseTotal.toFixed(0)} ms, Readability with its HTML serialization ${bareReadability.toFixed(0)} ms`);
for (const stage of STAGES) console.log(`  ${stage.padEnd(26)} ${stageTotals[stage].toFixed(0).padStart(6)} ms  ${percent(stageTotals[stage]).padStart(7)}`);
const staged = STAGES.reduce((sum, stage) => sum + stageTotals[stage], 0);
console.log(`  ${'other'.padEnd(26)} ${(oursTotal - staged).toFixed(0).padStart(6)} ms  ${percent(oursTotal - staged).padStart(7)}   (whole pipeline minus these stages: decoding, canonical text, hashes, and the noise of timing stages apart)`);
console.log(`bare Readability on jsdom: ${bareTotal.toFixed(0)} ms → our whole pipeline takes ${(oursTotal / bareTotal).toFixed(2)}× the bare jsdom extraction`);
console.log(`bare Readability text word F1 vs expected.html: jsdom mean ${mean(f1.jsdom).toFixed(4)} (min ${Math.min(...f1.jsdom).toFixed(4)}), linkedom mean ${mean(f1.linkedom).toFixed(4)} (min ${Math.min(...f1.linkedom).toFixed(4)})`);
