/**
 * Re-anchoring measured on synthetic revisions of real article texts (deterministic seed), against
 * the thresholds. Prints the measured percentages.
 */
import { describe, expect, it } from 'vitest';
import { describeRange, reanchorAll } from '../../../../shared/anchoring';
import { chooseClaims, loadPages, revise, rng, type Revision } from './revisions';

const SEED = Number(process.env.ANCHOR_SEED ?? 20261125);
const REVISIONS_PER_PAGE = 4;
const CLAIMS_PER_PAGE = 30;
const EDITS_PER_REVISION = 8;

interface Tally {
  n: number;
  ok: number;
}
const tally = (): Tally => ({ n: 0, ok: 0 });
const pct = (t: Tally) => (t.n === 0 ? 100 : (100 * t.ok) / t.n);

function measure() {
  const random = rng(SEED);
  const pages = loadPages();
  const vocabulary = [...new Set(pages.flatMap((p) => p.text.match(/\b[a-z]{4,10}\b/g) ?? []))].sort();
  const deleted = tally();
  const hit = tally();
  const numberEdits = tally();
  const negationEdits = tally();
  const smallEdits = tally();
  const untouched = tally();
  const failures: string[] = [];
  const revisions: Revision[] = [];
  for (const [pageIndex, page] of pages.entries()) {
    const foreign = pages[(pageIndex + 1) % pages.length].text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 30 && !s.includes('\n'));
    const spans = chooseClaims(page.text, random, CLAIMS_PER_PAGE);
    const targets = spans.map((s) => describeRange(page.text, s.start, s.end));
    for (let v = 0; v < REVISIONS_PER_PAGE; v++) {
      const revision = revise(page.text, spans, random, EDITS_PER_REVISION, vocabulary, foreign);
      revisions.push(revision);
      const results = reanchorAll(revision.oldText, revision.newText, targets);
      revision.claims.forEach((truth, i) => {
        const result = results[i];
        const note = (what: string) =>
          failures.length < 12 && failures.push(`${page.name}#${v} ${what}: ${JSON.stringify(page.text.slice(truth.start, truth.end))} → ${result.status} ${JSON.stringify(result.found ?? (result.start !== undefined ? revision.newText.slice(result.start, result.end) : ''))} (hits ${truth.hits.join(',')})`);
        if (truth.deleted) {
          deleted.n++;
          if (result.status === 'orphaned') deleted.ok++;
          else note('deleted but anchored');
          return;
        }
        if (truth.hits.length > 0) {
          hit.n++;
          if (result.status === 'changed' || result.status === 'orphaned') hit.ok++;
          else note('hit but reported unchanged');
          const withKind = (kind: 'number' | 'negation', t: Tally) => {
            const smallOnly = truth.hits.every((k) => k === 'word' || k === 'number' || k === 'negation');
            if (!truth.interior || !smallOnly || !truth.hits.includes(kind)) return;
            t.n++;
            if (result.status === 'changed' && result.changes.includes(kind)) t.ok++;
            else note(`${kind} edit not flagged`);
          };
          withKind('number', numberEdits);
          withKind('negation', negationEdits);
          const small = truth.interior && truth.editedWords <= 3 && truth.hits.every((k) => k === 'word' || k === 'number' || k === 'negation');
          if (small) {
            smallEdits.n++;
            if (result.status === 'changed' && result.start === truth.newStart && result.end === truth.newEnd) smallEdits.ok++;
            else note('small edit not recovered');
          }
          return;
        }
        untouched.n++;
        if ((result.status === 'exact' || result.status === 'moved') && result.start === truth.newStart && result.end === truth.newEnd) untouched.ok++;
        else note('untouched but lost');
      });
    }
  }
  return { pages: pages.length, revisions: revisions.length, deleted, hit, numberEdits, negationEdits, smallEdits, untouched, failures };
}

describe('re-anchoring synthetic revisions of the readability pages', () => {
  const m = measure();
  const line = (label: string, t: Tally, goal: string) => `  ${label.padEnd(46)} ${pct(t).toFixed(2).padStart(6)}%  (${t.ok}/${t.n}, goal ${goal})`;
  console.log(
    [
      `Re-anchoring: ${m.pages} pages × ${REVISIONS_PER_PAGE} revisions, ${CLAIMS_PER_PAGE} claims each, ${EDITS_PER_REVISION} edits per revision, seed ${SEED}`,
      line('claims in deleted text orphaned', m.deleted, '100%'),
      line('claims hit by an edit flagged changed/orphaned', m.hit, '≥ 98%'),
      line('number edits in a claim → changed/number', m.numberEdits, '100%'),
      line('negation edits in a claim → changed/negation', m.negationEdits, '100%'),
      line('small edits recovered as changed on new span', m.smallEdits, '≥ 90%'),
      line('untouched claims on exactly their span', m.untouched, '≥ 99.5%'),
      ...(m.failures.length ? ['  first misses:', ...m.failures.map((f) => '    ' + f)] : []),
    ].join('\n'),
  );

  it('has enough samples of every kind', () => {
    for (const t of [m.deleted, m.hit, m.numberEdits, m.negationEdits, m.smallEdits, m.untouched]) expect(t.n).toBeGreaterThanOrEqual(30);
  });
  it('orphans 100% of claims in deleted text', () => expect(pct(m.deleted)).toBe(100));
  it('flags ≥ 98% of claims hit by an edit as changed or orphaned', () => expect(pct(m.hit)).toBeGreaterThanOrEqual(98));
  it('flags 100% of number and negation edits inside a claim as changed with the right kind', () => {
    expect(pct(m.numberEdits)).toBe(100);
    expect(pct(m.negationEdits)).toBe(100);
  });
  it('recovers ≥ 90% of claims hit by a small edit as changed on their new span', () => expect(pct(m.smallEdits)).toBeGreaterThanOrEqual(90));
  it('keeps ≥ 99.5% of untouched claims on exactly their span', () => expect(pct(m.untouched)).toBeGreaterThanOrEqual(99.5));
});
