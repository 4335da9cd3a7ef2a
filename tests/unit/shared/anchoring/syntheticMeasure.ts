/**
 * Re-anchoring measured on synthetic revisions of real article texts for one seed: every claim's
 * outcome checked against the generator's ground truth, tallied per kind of truth. Shared by the
 * property test (many seeds in npm test) and the seeds bench (1,000 seeds).
 */
import { describeRange, reanchorAll } from '../../../../shared/anchoring';
import { chooseClaims, loadPages, revise } from './revisions';
import { seededRandom } from '../../../support/seededRandom';

export interface Tally {
  n: number;
  ok: number;
}

export interface SeedOptions {
  /** Pages used (the first N of the readability pages, in name order); all by default. */
  pages?: number;
  revisionsPerPage?: number;
  claimsPerPage?: number;
  editsPerRevision?: number;
}

export interface SeedMeasure {
  seed: number;
  pages: number;
  revisions: number;
  deleted: Tally;
  hit: Tally;
  numberEdits: Tally;
  negationEdits: Tally;
  smallEdits: Tally;
  untouched: Tally;
  /** The first misses, each with the page, revision, claim and outcome. */
  failures: string[];
}

export type TallyName = 'deleted' | 'hit' | 'numberEdits' | 'negationEdits' | 'smallEdits' | 'untouched';

/** What each tally measures and the share it must reach (percent). */
export const GOALS: readonly { name: TallyName; label: string; min: number }[] = [
  { name: 'deleted', label: 'claims in deleted text orphaned', min: 100 },
  { name: 'hit', label: 'claims hit by an edit flagged changed/orphaned', min: 98 },
  { name: 'numberEdits', label: 'number edits in a claim → changed/number', min: 100 },
  { name: 'negationEdits', label: 'negation edits in a claim → changed/negation', min: 100 },
  { name: 'smallEdits', label: 'small edits recovered as changed on new span', min: 90 },
  { name: 'untouched', label: 'untouched claims on exactly their span', min: 99.5 },
];

export const pct = (t: Tally) => (t.n === 0 ? 100 : (100 * t.ok) / t.n);

let cachedPages: ReturnType<typeof loadPages> | null = null;
let cachedVocabulary: string[] | null = null;

export function measureSeed(seed: number, options: SeedOptions = {}): SeedMeasure {
  const { revisionsPerPage = 4, claimsPerPage = 30, editsPerRevision = 8 } = options;
  cachedPages ??= loadPages();
  cachedVocabulary ??= [...new Set(cachedPages.flatMap((p) => p.text.match(/\b[a-z]{4,10}\b/g) ?? []))].sort();
  const all = cachedPages;
  const vocabulary = cachedVocabulary;
  const pages = all.slice(0, options.pages ?? all.length);
  const random = seededRandom(seed);
  const tally = (): Tally => ({ n: 0, ok: 0 });
  const m: SeedMeasure = { seed, pages: pages.length, revisions: 0, deleted: tally(), hit: tally(), numberEdits: tally(), negationEdits: tally(), smallEdits: tally(), untouched: tally(), failures: [] };
  for (const [pageIndex, page] of pages.entries()) {
    const foreign = all[(pageIndex + 1) % all.length].text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 30 && !s.includes('\n'));
    const spans = chooseClaims(page.text, random, claimsPerPage);
    const targets = spans.map((s) => describeRange(page.text, s.start, s.end));
    for (let v = 0; v < revisionsPerPage; v++) {
      const revision = revise(page.text, spans, random, editsPerRevision, vocabulary, foreign);
      m.revisions++;
      const results = reanchorAll(revision.oldText, revision.newText, targets);
      revision.claims.forEach((truth, i) => {
        const result = results[i];
        const note = (what: string) =>
          m.failures.length < 12 &&
          m.failures.push(
            `seed ${seed} ${page.name}#${v} ${what}: ${JSON.stringify(page.text.slice(truth.start, truth.end))} → ${result.status} ${JSON.stringify(result.found ?? (result.start !== undefined ? revision.newText.slice(result.start, result.end) : ''))} (hits ${truth.hits.join(',')})`,
          );
        if (truth.deleted) {
          m.deleted.n++;
          if (result.status === 'orphaned') m.deleted.ok++;
          else note('deleted but anchored');
          return;
        }
        if (truth.hits.length > 0) {
          m.hit.n++;
          // Flagged, and a changed anchor shares text with the claim's words where all of them are
          // tracked (a sentence moved out of a claim leaves its words in two places).
          const tracked = truth.newStart !== null && !truth.hits.includes('moveSentence');
          const onClaim = !tracked || (result.start !== undefined && result.start < truth.newEnd! && result.end > truth.newStart!);
          if (result.status === 'orphaned' || (result.status === 'changed' && onClaim)) m.hit.ok++;
          else note(result.status === 'changed' ? 'hit but anchored away from its words' : 'hit but reported unchanged');
          const smallOnly = truth.hits.every((k) => k === 'word' || k === 'number' || k === 'negation');
          // A claim whose words were mostly replaced cannot be told from other text: orphaned is right there.
          const recognisable = 3 * truth.editedWords <= (page.text.slice(truth.start, truth.end).match(/\S+/g) ?? []).length;
          const withKind = (kind: 'number' | 'negation', t: Tally) => {
            if (!truth.interior || !smallOnly || !recognisable || !truth.hits.includes(kind)) return;
            t.n++;
            if (result.status === 'changed' && result.changes.includes(kind)) t.ok++;
            else note(`${kind} edit not flagged`);
          };
          withKind('number', m.numberEdits);
          withKind('negation', m.negationEdits);
          if (truth.interior && truth.editedWords <= 3 && smallOnly) {
            m.smallEdits.n++;
            if (result.status === 'changed' && result.start === truth.newStart && result.end === truth.newEnd) m.smallEdits.ok++;
            else note('small edit not recovered');
          }
          return;
        }
        m.untouched.n++;
        if ((result.status === 'exact' || result.status === 'moved') && result.start === truth.newStart && result.end === truth.newEnd) m.untouched.ok++;
        else note('untouched but lost');
      });
    }
  }
  return m;
}

/** The goals a seed's measure misses (empty when it meets them all). */
export function missedGoals(m: SeedMeasure): string[] {
  return GOALS.filter((g) => pct(m[g.name]) < g.min).map((g) => `${g.label}: ${pct(m[g.name]).toFixed(2)}% (${m[g.name].ok}/${m[g.name].n}, goal ${g.min === 100 ? '100' : '≥ ' + g.min}%)`);
}

/** Sums the tallies of several seeds. */
export function sumTallies(measures: readonly SeedMeasure[]): Record<TallyName, Tally> {
  const out = {} as Record<TallyName, Tally>;
  for (const g of GOALS) out[g.name] = { n: measures.reduce((s, m) => s + m[g.name].n, 0), ok: measures.reduce((s, m) => s + m[g.name].ok, 0) };
  return out;
}
