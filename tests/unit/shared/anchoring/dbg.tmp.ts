import { describeRange, reanchorAll } from '../../../../shared/anchoring';
import { diffTexts } from '../../../../shared/anchoring/textDiff';
import { followSpan } from '../../../../shared/anchoring/followSpan';
import { chooseClaims, loadPages, revise, rng } from './revisions';
const SEED = Number(process.argv[2]); const want = process.argv[3]; const wantV = Number(process.argv[4]); const needle = process.argv[5];
const random = rng(SEED);
const pages = loadPages();
const vocabulary = [...new Set(pages.flatMap((p) => p.text.match(/\b[a-z]{4,10}\b/g) ?? []))].sort();
for (const [pageIndex, page] of pages.entries()) {
  const foreign = pages[(pageIndex + 1) % pages.length].text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 30 && !s.includes('\n'));
  const spans = chooseClaims(page.text, random, 30);
  const targets = spans.map((s) => describeRange(page.text, s.start, s.end));
  for (let v = 0; v < 2; v++) {
    const revision = revise(page.text, spans, random, 8, vocabulary, foreign);
    if (page.name !== want || v !== wantV) continue;
    const results = reanchorAll(revision.oldText, revision.newText, targets);
    const diff = diffTexts(revision.oldText, revision.newText);
    revision.claims.forEach((truth, i) => {
      const r = results[i];
      if (!page.text.slice(truth.start, truth.end).startsWith(needle)) return;
      console.log('CLAIM', JSON.stringify(page.text.slice(truth.start, truth.end)), JSON.stringify(truth));
      console.log('RESULT', JSON.stringify(r));
      console.log('TRUTH NEW', truth.newStart !== null ? JSON.stringify(revision.newText.slice(truth.newStart, truth.newEnd!)) : null);
      console.log('FOLLOW', JSON.stringify(followSpan(diff, truth.start, truth.end)));
      const lo = truth.start - 80, hi = truth.end + 80;
      for (const run of diff.runs) if (run.oldEnd > lo && run.oldStart < hi) console.log('  ', run.kind, run.oldStart, JSON.stringify(revision.oldText.slice(Math.max(run.oldStart, lo - 100), Math.min(run.oldEnd, hi + 100))), '=>', run.newStart, JSON.stringify(revision.newText.slice(run.newStart, run.newEnd).slice(0, 300)));
      console.log('quote', JSON.stringify(targets[i].quote));
    });
  }
}
