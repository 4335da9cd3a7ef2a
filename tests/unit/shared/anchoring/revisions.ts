/**
 * Synthetic article revisions with known ground truth, for measuring re-anchoring. Texts come from
 * the readability fixtures' expected.html (tags stripped simply). A seeded generator picks claims
 * (word-aligned spans inside a paragraph) and applies edits — paragraph inserts and deletes, word
 * edits, number edits, negation edits, sentence moves — tracking where every claim's words end up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixture } from '../../testPaths';
import { seededRandom } from '../../../support/seededRandom';

export const PAGES_DIR = sharedFixture('readability-pages');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** The expected.html of a readability fixture as plain paragraphs joined by blank lines. */
export function pageText(html: string): string {
  const withBreaks = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(p|div|li|h[1-6]|blockquote|pre|tr|td|th|figcaption|section|article|ul|ol|table|br)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return withBreaks
    .split(/\n\s*\n/)
    .map((block) => block.replace(/[ \t\r\n]+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
}

export function loadPages(): { name: string; text: string }[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, text: pageText(readFileSync(join(PAGES_DIR, name, 'expected.html'), 'utf8')) }))
    .filter((page) => page.text.length > 2000);
}

export type EditKind = 'word' | 'number' | 'negation' | 'deleteParagraph' | 'insertParagraph' | 'moveSentence';

export interface TruthClaim {
  /** Span in the original text. */
  start: number;
  end: number;
  /** Span of the claim's words in the revised text (null when deleted, or split by a move and a deletion). */
  newStart: number | null;
  newEnd: number | null;
  /** Every edit overlapping the claim. */
  hits: EditKind[];
  /** All hits fell strictly inside the claim (its span is still well defined). */
  interior: boolean;
  /** Words replaced/inserted/removed inside the claim by small edits. */
  editedWords: number;
  /** Wholly inside deleted text. */
  deleted: boolean;
}

export interface Revision {
  oldText: string;
  newText: string;
  claims: TruthClaim[];
}

const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;
const AUX = /\b(is|was|are|were|has|have|had|will|would|can|could|did|does|should) (?!not\b)/g;
const NUMBER_LIKE = /\p{N}|^(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions|first|second|third|half|several|few|many|most|all|none|no|not|never|nor|neither|nothing|nobody|without|cannot|deny|denied|denies|refused|rejected|disputed)$/iu;

function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start: at, end: at + part.length });
    at += part.length + 2;
  }
  return out;
}

function wordsIn(text: string, from: number, to: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index + m[0].length <= to; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** Word-aligned claims of 5–25 words inside one paragraph; a share chosen around numbers. */
export function chooseClaims(text: string, random: () => number, count: number): { start: number; end: number }[] {
  const paras = paragraphs(text).filter((p) => wordsIn(text, p.start, p.end).length >= 8);
  const claims: { start: number; end: number }[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; claims.length < count && attempt < count * 20; attempt++) {
    const p = pick(random, paras);
    const words = wordsIn(text, p.start, p.end);
    const length = Math.min(words.length, 5 + Math.floor(random() * 21));
    let first = Math.floor(random() * (words.length - length + 1));
    if (random() < 0.35) {
      const numeric = words.map((w, i) => (/\p{N}/u.test(w.text) ? i : -1)).filter((i) => i >= 0);
      if (numeric.length === 0) continue;
      const at = pick(random, numeric);
      first = Math.max(0, Math.min(words.length - length, at - Math.floor(random() * length)));
    }
    const span = { start: words[first].start, end: words[first + length - 1].end };
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    claims.push(span);
  }
  return claims;
}

interface Edit {
  kind: EditKind;
  at: number;
  end: number;
  insert: string;
  /** Words changed, for small edits. */
  words: number;
}

class Reviser {
  text: string;
  claims: TruthClaim[];
  constructor(text: string, spans: readonly { start: number; end: number }[]) {
    this.text = text;
    this.claims = spans.map((s) => ({ start: s.start, end: s.end, newStart: s.start, newEnd: s.end, hits: [], interior: true, editedWords: 0, deleted: false }));
  }

  apply(edit: Edit, riders: ReadonlySet<TruthClaim> = new Set()): void {
    const delta = edit.insert.length - (edit.end - edit.at);
    for (const claim of this.claims) {
      if (claim.deleted || claim.newStart === null || claim.newEnd === null || riders.has(claim)) continue;
      const s = claim.newStart;
      const e = claim.newEnd;
      if (edit.end <= s) {
        claim.newStart = s + delta;
        claim.newEnd = e + delta;
        continue;
      }
      if (edit.at >= e) continue;
      // Overlap.
      if (edit.kind === 'deleteParagraph' && edit.at <= s && edit.end >= e) {
        // A claim a moved sentence took part of lives on there: not all of its words were deleted.
        if (claim.hits.includes('moveSentence')) {
          claim.hits.push(edit.kind);
          claim.interior = false;
        } else {
          claim.deleted = true;
        }
        claim.newStart = claim.newEnd = null;
        continue;
      }
      claim.hits.push(edit.kind);
      if (edit.at < s || edit.end > e) claim.interior = false;
      claim.editedWords += edit.words;
      claim.newStart = Math.min(s, edit.at);
      claim.newEnd = Math.max(claim.newStart, e > edit.end ? e + delta : edit.at + edit.insert.length);
    }
    this.text = this.text.slice(0, edit.at) + edit.insert + this.text.slice(edit.end);
  }
}

/** Builds one revision of `text` with `editCount` random edits. */
export function revise(text: string, spans: readonly { start: number; end: number }[], random: () => number, editCount: number, vocabulary: readonly string[], foreign: readonly string[]): Revision {
  const r = new Reviser(text, spans);
  const kinds: EditKind[] = ['word', 'word', 'number', 'negation', 'deleteParagraph', 'insertParagraph', 'moveSentence'];
  const liveClaims = () => r.claims.filter((c) => !c.deleted && c.newStart !== null);
  for (let n = 0; n < editCount; n++) {
    const kind = pick(random, kinds);
    const paras = paragraphs(r.text);
    if (kind === 'word') {
      // Inside a claim half of the time, anywhere otherwise.
      const live = liveClaims();
      const region = random() < 0.5 && live.length > 0 ? (() => { const c = pick(random, live); return { start: c.newStart!, end: c.newEnd! }; })() : pick(random, paras);
      const words = wordsIn(r.text, region.start, region.end).filter((w) => /^\p{Ll}{3,}$/u.test(w.text) && !NUMBER_LIKE.test(w.text));
      if (words.length === 0) continue;
      const w = pick(random, words);
      let replacement = pick(random, vocabulary);
      for (let k = 0; k < 5 && replacement === w.text; k++) replacement = pick(random, vocabulary);
      if (replacement === w.text) continue;
      const extra = random() < 0.3 ? ' ' + pick(random, vocabulary) : '';
      r.apply({ kind, at: w.start, end: w.end, insert: replacement + extra, words: extra ? 2 : 1 });
    } else if (kind === 'number') {
      const live = liveClaims().filter((c) => /\p{N}/u.test(r.text.slice(c.newStart!, c.newEnd!)));
      const region = live.length > 0 && random() < 0.8 ? (() => { const c = pick(random, live); return { start: c.newStart!, end: c.newEnd! }; })() : pick(random, paras);
      const numbers = wordsIn(r.text, region.start, region.end).filter((w) => /^\d+$/.test(w.text));
      if (numbers.length === 0) continue;
      const w = pick(random, numbers);
      const value = String(Number(w.text) + 1 + Math.floor(random() * 9));
      r.apply({ kind, at: w.start, end: w.end, insert: value, words: 1 });
    } else if (kind === 'negation') {
      const live = liveClaims();
      if (live.length === 0) continue;
      const c = pick(random, live);
      const slice = r.text.slice(c.newStart!, c.newEnd!);
      const not = /\bnot /.exec(slice);
      if (not && random() < 0.4) {
        r.apply({ kind, at: c.newStart! + not.index, end: c.newStart! + not.index + 4, insert: '', words: 1 });
        continue;
      }
      const matches = [...slice.matchAll(AUX)].filter((m) => m.index! + m[0].length < slice.length);
      if (matches.length === 0) continue;
      const m = pick(random, matches);
      const at = c.newStart! + m.index! + m[0].length;
      r.apply({ kind, at, end: at, insert: 'not ', words: 1 });
    } else if (kind === 'deleteParagraph') {
      if (paras.length < 4) continue;
      const i = 1 + Math.floor(random() * (paras.length - 1));
      const p = paras[i];
      r.apply({ kind, at: p.start - 2, end: p.end, insert: '', words: 0 });
    } else if (kind === 'insertParagraph') {
      const p = pick(random, paras);
      const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, foreign));
      r.apply({ kind, at: p.end, end: p.end, insert: '\n\n' + sentences.join(' '), words: 0 });
    } else {
      // Move a sentence to the end of another paragraph.
      const candidates = paras.filter((p) => /[.!?] \p{Lu}/u.test(r.text.slice(p.start, p.end)));
      if (candidates.length < 1 || paras.length < 3) continue;
      const p = pick(random, candidates);
      const body = r.text.slice(p.start, p.end);
      const bounds = [0, ...[...body.matchAll(/[.!?] (?=\p{Lu})/gu)].map((m) => m.index! + 2), body.length];
      const k = Math.floor(random() * (bounds.length - 1));
      const from = p.start + bounds[k];
      const to = p.start + bounds[k + 1];
      const sentence = r.text.slice(from, to).trim();
      if (sentence.length < 20) continue;
      const target = pick(random, paras.filter((q) => q !== p));
      const riders = new Set(liveClaims().filter((c) => c.newStart! >= from && c.newEnd! <= from + sentence.length));
      const offsets = new Map([...riders].map((c) => [c, c.newStart! - from]));
      const removeFrom = k === bounds.length - 2 && k > 0 ? from - 1 : from; // take the joining space with it
      const removeTo = k === bounds.length - 2 && k > 0 ? from + sentence.length : to;
      r.apply({ kind, at: removeFrom, end: removeTo, insert: '', words: 0 }, riders);
      const removed = removeTo - removeFrom;
      const insertAt = target.end > from ? target.end - removed : target.end;
      r.apply({ kind, at: insertAt, end: insertAt, insert: ' ' + sentence, words: 0 }, riders);
      for (const c of riders) {
        const length = c.newEnd! - c.newStart!;
        c.newStart = insertAt + 1 + offsets.get(c)!;
        c.newEnd = c.newStart + length;
      }
    }
  }
  // Edits that cancel out (a "not" inserted, then removed) leave the claim untouched, or untouched by a negation.
  // Each "not" with the word after it: the same list before and after means no negation changed.
  const nots = (s: string) => (s.match(/\bnot\s+\S+/g) ?? []).join('|');
  for (const claim of r.claims) {
    if (claim.deleted || claim.hits.length === 0) continue;
    const before = text.slice(claim.start, claim.end);
    let after = r.text.slice(claim.newStart!, claim.newEnd!);
    // An edit at the claim's edge can undo one inside it ("not " removed from its start, then put back just
    // before it by an edit of an overlapping claim): its words stand unchanged around the tracked span.
    if (after !== before && before.length > after.length && claim.hits.every((k) => k === 'word' || k === 'number' || k === 'negation')) {
      const endAligned = claim.newEnd! - before.length;
      if (endAligned >= 0 && r.text.slice(endAligned, claim.newEnd!) === before) claim.newStart = endAligned;
      else if (r.text.startsWith(before, claim.newStart!)) claim.newEnd = claim.newStart! + before.length;
      after = r.text.slice(claim.newStart!, claim.newEnd!);
    }
    if (after === before) {
      claim.hits = [];
      claim.editedWords = 0;
      claim.interior = true;
    } else if (claim.hits.includes('negation') && nots(after) === nots(before)) {
      claim.editedWords -= claim.hits.filter((k) => k === 'negation').length;
      claim.hits = claim.hits.filter((k) => k !== 'negation');
    }
  }
  return { oldText: text, newText: r.text, claims: r.claims };
}
