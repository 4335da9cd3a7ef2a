/**
 * One word-level diff of two versions of an article (diff-match-patch over word tokens), and how a
 * span of the old text maps into the new text through it.
 */
import DiffMatchPatch from 'diff-match-patch';
import { tokenTexts } from './tokens';

/** A run of the diff: text kept ('equal'), or a block of changes (deleted old text replaced by inserted new text). */
export interface DiffRun {
  kind: 'equal' | 'change';
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

export interface TextDiff {
  oldText: string;
  newText: string;
  /** In order; consecutive changes are merged into one 'change' run. Covers both texts fully. */
  runs: DiffRun[];
}

/** Equalities shorter than this many tokens between edits are merged into the edits. */
const EDIT_COST_TOKENS = 2;

/** Above this many distinct tokens the word encoding does not fit in one UTF-16 unit each. */
const MAX_DISTINCT_TOKENS = 0xd000;

function encode(texts: readonly string[]): { codes: string[]; lengths: number[][] } | null {
  const ids = new Map<string, number>();
  const codes: string[] = [];
  const lengths: number[][] = [];
  for (const text of texts) {
    let code = '';
    const lens: number[] = [];
    for (const token of tokenTexts(text)) {
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size + 1;
        if (id >= MAX_DISTINCT_TOKENS) return null;
        ids.set(token, id);
      }
      code += String.fromCharCode(id);
      lens.push(token.length);
    }
    codes.push(code);
    lengths.push(lens);
  }
  return { codes, lengths };
}

interface Piece {
  op: number;
  oldLength: number;
  newLength: number;
}

/** Word-level diff of two (short) texts. */
function diffWords(dmp: DiffMatchPatch, oldText: string, newText: string): Piece[] {
  const encoded = encode([oldText, newText]);
  if (!encoded) {
    const diffs = dmp.diff_main(oldText, newText);
    dmp.diff_cleanupSemantic(diffs);
    return diffs.map(([op, text]) => ({ op, oldLength: op <= 0 ? text.length : 0, newLength: op >= 0 ? text.length : 0 }));
  }
  const diffs = dmp.diff_main(encoded.codes[0], encoded.codes[1], false);
  // Merge only single-token coincidences between edits ("the", a space): semantic cleanup would
  // swallow whole kept sentences next to a large edit.
  dmp.Diff_EditCost = EDIT_COST_TOKENS;
  dmp.diff_cleanupEfficiency(diffs);
  const [oldLens, newLens] = encoded.lengths;
  let oi = 0;
  let ni = 0;
  return diffs.map(([op, code]) => {
    let oldLength = 0;
    let newLength = 0;
    for (let k = 0; k < code.length; k++) {
      if (op <= 0) oldLength += oldLens[oi++];
      if (op >= 0) newLength += newLens[ni++];
    }
    return { op, oldLength, newLength };
  });
}

/** Paragraph lines of a text, each with the line breaks after it (a blank line is no line of its own). */
function lines(text: string): string[] {
  return text.match(/[^\n]+\n*|\n+/g) ?? [];
}

/**
 * Paragraph lines are diffed first (cheap, like diff-match-patch's line mode); only the stretches
 * that differ are diffed word by word.
 */
export function diffTexts(oldText: string, newText: string): TextDiff {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 5;
  const oldLines = lines(oldText);
  const newLines = lines(newText);
  const ids = new Map<string, number>();
  const code = (list: string[]) =>
    list
      .map((line) => {
        let id = ids.get(line);
        if (id === undefined) {
          id = ids.size + 1;
          ids.set(line, id);
        }
        return String.fromCharCode(Math.min(id, 0xd000));
      })
      .join('');
  let pieces: Piece[];
  const oldCodes = code(oldLines);
  const newCodes = code(newLines);
  if (ids.size < 0xd000) {
    const lineDiffs = dmp.diff_main(oldCodes, newCodes, false);
    pieces = [];
    let oi = 0;
    let ni = 0;
    let pendingOld = '';
    let pendingNew = '';
    const flush = () => {
      if (pendingOld || pendingNew) pieces.push(...diffWords(dmp, pendingOld, pendingNew));
      pendingOld = pendingNew = '';
    };
    for (const [op, text] of lineDiffs) {
      let oldPart = '';
      let newPart = '';
      for (let k = 0; k < text.length; k++) {
        if (op <= 0) oldPart += oldLines[oi++];
        if (op >= 0) newPart += newLines[ni++];
      }
      if (op === 0) {
        flush();
        pieces.push({ op: 0, oldLength: oldPart.length, newLength: newPart.length });
      } else {
        pendingOld += oldPart;
        pendingNew += newPart;
      }
    }
    flush();
  } else {
    pieces = diffWords(dmp, oldText, newText);
  }

  const runs: DiffRun[] = [];
  let o = 0;
  let n = 0;
  for (const piece of pieces) {
    const kind = piece.op === 0 ? 'equal' : 'change';
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) {
      last.oldEnd += piece.oldLength;
      last.newEnd += piece.newLength;
    } else if (piece.oldLength > 0 || piece.newLength > 0) {
      runs.push({ kind, oldStart: o, oldEnd: o + piece.oldLength, newStart: n, newEnd: n + piece.newLength });
    }
    o += piece.oldLength;
    n += piece.newLength;
  }
  return { oldText, newText, runs };
}

/** Index of the first run whose old range ends at or after `offset` (`strict`: after it); runs.length if none. */
function firstRunEnding(runs: readonly DiffRun[], offset: number, strict: boolean): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = runs[mid].oldEnd;
    if (strict ? end <= offset : end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface MappedSpan {
  start: number;
  end: number;
  /** Whether some change falls inside the span (its wording differs in the new text). */
  touched: boolean;
  /** Characters of the old span kept unchanged. */
  kept: number;
}

/** Where a span's start lands in the new text: after insertions at that point; at the replacement's start inside a change. */
function mapStart(diff: TextDiff, offset: number): number {
  const i = firstRunEnding(diff.runs, offset, true);
  if (i >= diff.runs.length) return diff.newText.length;
  const run = diff.runs[i];
  return run.kind === 'equal' ? run.newStart + (offset - run.oldStart) : run.newStart;
}

/** Where a span's end lands in the new text: before insertions at that point; at the replacement's end inside a change. */
function mapEnd(diff: TextDiff, offset: number): number {
  if (offset <= 0) return 0;
  const i = firstRunEnding(diff.runs, offset, false);
  if (i >= diff.runs.length) return diff.newText.length;
  const run = diff.runs[i];
  return run.kind === 'equal' ? run.newStart + (offset - run.oldStart) : run.newEnd;
}

/** Maps the old span [start, end) into the new text. */
export function mapSpan(diff: TextDiff, start: number, end: number): MappedSpan {
  const { runs } = diff;
  const newStart = mapStart(diff, start);
  const newEnd = Math.max(newStart, mapEnd(diff, end));
  let touched = false;
  let kept = 0;
  for (let i = firstRunEnding(runs, start, false); i < runs.length && runs[i].oldStart <= end; i++) {
    const run = runs[i];
    const from = Math.max(run.oldStart, start);
    const to = Math.min(run.oldEnd, end);
    if (run.kind === 'equal') kept += Math.max(0, to - from);
    else if (to > from || (run.oldStart > start && run.oldStart < end)) touched = true;
  }
  return { start: newStart, end: newEnd, touched, kept };
}

/** Characters of old text kept unchanged within [start, end). */
export function keptWithin(diff: TextDiff, start: number, end: number): number {
  const { runs } = diff;
  let kept = 0;
  for (let i = firstRunEnding(runs, start, true); i < runs.length && runs[i].oldStart < end; i++) {
    const run = runs[i];
    if (run.kind === 'equal') kept += Math.max(0, Math.min(run.oldEnd, end) - Math.max(run.oldStart, start));
  }
  return kept;
}

/** Whether new-text span [start, end) lies wholly inside one kept (equal) run: text that was already there. */
export function isKeptText(diff: TextDiff, start: number, end: number): boolean {
  const { runs } = diff;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].newEnd <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < runs.length && runs[i].newStart <= start; i++) {
    const run = runs[i];
    if (run.kind === 'equal' && run.newStart <= start && end <= run.newEnd) return true;
  }
  return false;
}

/** Characters of new-text span [start, end) that were already there (inside kept runs). */
export function keptNewWithin(diff: TextDiff, start: number, end: number): number {
  const { runs } = diff;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].newEnd <= start) lo = mid + 1;
    else hi = mid;
  }
  let kept = 0;
  for (let i = lo; i < runs.length && runs[i].newStart < end; i++) {
    const run = runs[i];
    if (run.kind === 'equal') kept += Math.max(0, Math.min(run.newEnd, end) - Math.max(run.newStart, start));
  }
  return kept;
}
