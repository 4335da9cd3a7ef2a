/**
 * "Checked before?" benchmark (run on demand: npm run bench:archive).
 *
 * Quality, on the paraphrase test set with 2,000 synthetic fact-checks as distractors: recall@5 and
 * the sameClaim precision/recall, on the test half (the re-ranker was fitted on the other half), on
 * the held-out set (other topics, written after the weights were fixed) and, as the baseline, BM25
 * alone (recall@5).
 *
 * Scale, on 20,000 synthetic published fact-checks in a temporary data folder, each figure set
 * against a baseline measured in the same run:
 *   - import of the feed (parse, index, durable write) — goal < 10 s; baseline: JSON.parse of the file;
 *   - opening the saved archive vs rebuilding its index from the items (the index is persisted);
 *   - a query after warm-up (median and 95th percentile) — goal < 30 ms; baseline: BM25 alone;
 *   - recording one changed claim of a project (the projects part only) vs rewriting the published part.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FactCheckArchive, isPublishedPart } from '../../../shared/archive/archive';
import { FactCheckCollection } from '../../../shared/archive/collection';
import { publishedKey } from '../../../shared/archive/claimReviewFeed';
import type { PublishedFactCheck } from '../../../shared/archive/types';
import { createEmptyProject } from '../../../shared/projectFile';
import { ArchiveService } from '../../../electron/services/archive/archiveService';
import { archiveDirOf, PUBLISHED_FILE, readPart, writePart } from '../../../electron/services/archive/archiveFiles';
import { buildEvalArchive, evaluate, HELDOUT_FILE, loadParaphrases } from './paraphraseEval';
import { syntheticClaims, syntheticFeed } from './synthetic';

const ARCHIVE_SIZE = 20_000;
const QUERIES = 300;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (met: boolean) => (met ? 'goal met' : 'GOAL NOT MET');

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function time<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, performance.now() - t0];
}

function quality(): void {
  console.log('Paraphrase test set (2,000 synthetic distractors)');
  const set = loadParaphrases();
  const archive = buildEvalArchive(set);
  const rows: [string, ReturnType<typeof evaluate>][] = [
    ['test half (re-ranked)', evaluate(set, archive, 'test')],
    ['calibration half (fitted on)', evaluate(set, archive, 'calibration')],
    ['test half, BM25 alone', evaluate(set, archive, 'test', { rerank: false })],
  ];
  const heldout = loadParaphrases(HELDOUT_FILE);
  rows.push(['held-out set (re-ranked)', evaluate(heldout, buildEvalArchive(heldout), 'all')]);
  for (const [name, r] of rows) {
    const same = name.includes('BM25') ? 'sameClaim n/a' : `sameClaim precision ${pct(r.precision)}, recall ${pct(r.recall)}`;
    console.log(`  ${name}: ${r.queries} queries (${r.positives} same-claim), recall@5 ${pct(r.recallAt5)}, ${same}`);
  }
}

async function scale(): Promise<void> {
  console.log(`\nScale: ${ARCHIVE_SIZE.toLocaleString('en')} published fact-checks`);
  const dir = await mkdtemp(join(tmpdir(), 'archive-bench-'));
  try {
    const feedFile = join(dir, 'feed.json');
    await writeFile(feedFile, JSON.stringify(syntheticFeed(ARCHIVE_SIZE, 7)));
    const [, parseMs] = await time(async () => JSON.parse(await readFile(feedFile, 'utf8')));
    const dataDir = join(dir, 'data');
    const service = new ArchiveService(dataDir);
    const [report, importMs] = await time(() => service.importFile(feedFile));
    console.log(`  import: ${report.imported} imported, ${report.skipped} skipped, ${report.invalid} invalid in ${ms(importMs)} (goal < 10 s: ${verdict(importMs < 10_000)}); ${(importMs / parseMs).toFixed(1)}× reading the file as JSON (${ms(parseMs)})`);

    // Opening: the saved index as is, against rebuilding it from the same items.
    const file = join(archiveDirOf(dataDir), PUBLISHED_FILE);
    const [read, readMs] = await time(() => readPart(file, isPublishedPart));
    const [, loadMs] = await time(() => new FactCheckArchive().loadPublished(read.part));
    const [, rebuildMs] = await time(() => {
      const rebuilt = new FactCheckCollection<PublishedFactCheck>({ key: publishedKey, text: (f) => f.claimReviewed });
      for (const [, item] of read.part!.collection.items) rebuilt.put(item);
      return rebuilt;
    });
    console.log(`  open: read ${ms(readMs)} + load index ${ms(loadMs)}; rebuilding the index instead: ${ms(rebuildMs)} (${(rebuildMs / loadMs).toFixed(1)}× the load)`);

    // Queries: paraphrase-like texts from another seed of the same generator.
    const fresh = new ArchiveService(dataDir);
    const queries = syntheticClaims(QUERIES, 99);
    for (const q of queries.slice(0, 20)) await fresh.checkedBefore(q);
    const full: number[] = [];
    for (const q of queries) full.push((await time(() => fresh.checkedBefore(q, { limit: 10 })))[1]);
    const archive = new FactCheckArchive();
    archive.loadPublished(read.part);
    const bm25: number[] = [];
    for (const q of queries) bm25.push((await time(() => archive.search(q, { limit: 10, rerank: false })))[1]);
    const p50 = quantile(full, 0.5);
    const p95 = quantile(full, 0.95);
    console.log(`  query after warm-up: median ${ms(p50)}, p95 ${ms(p95)} (goal < 30 ms: ${verdict(p95 < 30)}); BM25 alone median ${ms(quantile(bm25, 0.5))} (${(p50 / quantile(bm25, 0.5)).toFixed(1)}× with the re-ranker)`);

    // A change to one claim of a project rewrites the small projects part, not the published one.
    const project = createEmptyProject({ id: 'p-bench', title: 'Bench', createdAt: '2026-01-01T00:00:00.000Z' });
    const level = project.ratingScale.levels[0]!;
    const claim = (i: number) => ({
      id: `c${i}`,
      statement: queries[i]!,
      claimant: '',
      verdict: { levelId: level.id, conclusion: '', rationale: '' },
    });
    const withClaims = { ...project, claims: Array.from({ length: 50 }, (_, i) => claim(i)) } as unknown as typeof project;
    fresh.noteProject(join(dir, 'bench.factcheck.json'), withClaims);
    await fresh.flush();
    const changed = { ...withClaims, claims: withClaims.claims.map((c, i) => (i === 0 ? { ...c, statement: `${c.statement} (revised)` } : c)) } as typeof project;
    const [, updateMs] = await time(async () => {
      fresh.noteChanges(changed, ['c0']);
      await fresh.flush();
    });
    const [, rewriteMs] = await time(() => writePart(file, read.part));
    console.log(`  one changed claim recorded (projects part): ${ms(updateMs)}; rewriting the published part instead: ${ms(rewriteMs)} (${(rewriteMs / updateMs).toFixed(1)}×)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

quality();
await scale();
