/**
 * Reading and writing project files (`*.factcheck.json`). Parsing never throws: it returns the
 * project (with the repairs made on load, in words) or a problem worded for a fact-checker. A file
 * that fails here must never be overwritten; a repaired one is written only with the user's next change.
 */
import type { z } from 'zod';
import { undoRedoStacks } from './history';
import { PROJECT_FORMAT, SCHEMA_VERSION } from './model';
import { articleVersionProblems, claimProblems, describeProblem, duplicateIds, readStoredEntry, StoredProjectSchema, type HistoryEntry, type Project } from './operations';
import { splitHistoryLines } from './projectFileLines';
import { repairProject, type TextHasher } from './projectRepairs';
import { defaultRatingScale } from './scales/defaultScale';

export type { TextHasher } from './projectRepairs';

/** The file name ending of a project file. */
export const PROJECT_EXTENSION = '.factcheck.json';

/** A project file's name without its ending: "claims.factcheck.json" → "claims" (also "claims.json", "claims.factcheck"). */
export function projectBaseName(fileName: string): string {
  const json = '.json';
  const stem = PROJECT_EXTENSION.slice(0, -json.length);
  let base = fileName;
  if (base.toLowerCase().endsWith(json)) base = base.slice(0, -json.length);
  if (base.toLowerCase().endsWith(stem)) base = base.slice(0, -stem.length);
  return base;
}

export type ParseProjectResult =
  | {
      ok: true;
      project: Project;
      /** What was repaired on load, one sentence per kind (empty when the file was consistent). */
      repairs: string[];
    }
  | { ok: false; problem: string };

const NOT_A_PROJECT = `This is not a Factcheck Workbench project (no "format": "${PROJECT_FORMAT}").`;

/**
 * Reads a project file's text; `sha256` hashes article texts (the caller's cryptography: Node's crypto).
 * With `fileTexts`, the file's own text of each history entry read as it is goes there, by entry, so
 * a save can write it back instead of making it again.
 */
export function parseProjectFile(text: string, sha256: TextHasher, fileTexts?: WeakMap<object, string>): ParseProjectResult {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (content.trim() === '') return { ok: false, problem: 'The file is empty.' };

  const json = parseJson(content);
  if (!json.ok) return json;
  const raw = json.raw;
  if (!isPlainObject(raw) || raw.format !== PROJECT_FORMAT) return { ok: false, problem: NOT_A_PROJECT };

  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;

  // The history's operations by shape only: they were validated when they entered it, and are again when replayed.
  const parsed = validateStored(migrated.raw);
  if (!parsed.ok) return parsed;

  // An empty comment or dismissal list reads as none, the form the operations leave when the last one goes.
  let read: Project = parsed.project;
  if (read.comments && read.comments.length === 0) {
    const { comments: _none, ...rest } = read;
    read = rest;
  }
  if (read.dismissedSuggestions && read.dismissedSuggestions.length === 0) {
    const { dismissedSuggestions: _none, ...rest } = read;
    read = rest;
  }

  const duplicates = checkUniqueIds(read);
  if (duplicates.length > 0) return { ok: false, problem: damaged(summarize(duplicates)) };
  const { project, repairs } = repairProject(read, sha256);
  const problems = checkProjectIntegrity(project);
  if (problems.length > 0) return { ok: false, problem: damaged(summarize(problems)) };
  // An entry's text in the file is its text when it was read as it is and no migration changed it.
  const texts = json.entryTexts;
  if (fileTexts && texts && raw.schemaVersion === SCHEMA_VERSION) parsed.verbatim.forEach((entry, i) => entry && fileTexts.set(entry, texts[i]!));
  return { ok: true, project, repairs };
}

type JsonRead = { ok: true; raw: unknown; entryTexts?: readonly string[] } | { ok: false; problem: string };

/** The file's JSON. In the file's layout the history's entries are parsed one by one (their texts kept); otherwise, or when that fails, the whole text at once. */
function parseJson(content: string): JsonRead {
  const split = splitHistoryLines(content);
  if (split) {
    try {
      const raw: unknown = JSON.parse(split.rest);
      const history: unknown[] = new Array(split.entries.length);
      for (let i = 0; i < history.length; i++) history[i] = JSON.parse(split.entries[i]!);
      if (isPlainObject(raw) && Array.isArray(raw.history) && raw.history.length === 0) {
        raw.history = history;
        return { ok: true, raw, entryTexts: split.entries };
      }
    } catch {
      // Not the layout after all: the whole text is read below, and says what is wrong with it.
    }
  }
  try {
    return { ok: true, raw: JSON.parse(content) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: `The file is not valid JSON (it may be truncated): ${message}` };
  }
}

type StoredRead = { ok: true; project: Project; verbatim: readonly (HistoryEntry | null)[] } | { ok: false; problem: string };

/**
 * StoredProjectSchema's reading of the file, the history's entries checked one by one (most by the
 * fast check of operations/storedEntry.ts, none copied); `verbatim` holds the entries that are the
 * file's values as they are. Anything refused is read again by the schema as a whole, for its wording.
 */
function validateStored(raw: Record<string, unknown>): StoredRead {
  const history = raw.history;
  if (Array.isArray(history)) {
    const rest = StoredProjectSchema.safeParse({ ...raw, history: [] });
    if (rest.success) {
      const entries: HistoryEntry[] = new Array(history.length);
      const verbatim: (HistoryEntry | null)[] = new Array(history.length);
      let i = 0;
      for (; i < history.length; i++) {
        const read = readStoredEntry(history[i]);
        if (!read) break;
        entries[i] = read.entry;
        verbatim[i] = read.verbatim ? read.entry : null;
      }
      if (i === history.length) return { ok: true, project: { ...rest.data, history: entries } as Project, verbatim };
    }
  }
  const parsed = StoredProjectSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: damaged(describeIssues(parsed.error.issues)) };
  return { ok: true, project: parsed.data as Project, verbatim: [] };
}

/** The project's JSON in the file's layout (see serializeProjectParts), with a trailing newline. */
export function serializeProject(project: Project): string {
  return [...serializeProjectParts(project)].join('');
}

/** The project's lists that grow large (one item per line when serialized). */
const LONG_LISTS: ReadonlySet<string> = new Set(['history', 'articles', 'claims', 'sources', 'links', 'comments']);
/** Arrays inside an item longer than this are made element by element (an article's blocks), so no one piece holds a writer long. */
const SPLIT_ARRAY_LENGTH = 64;

/**
 * The project file's text in pieces, made one at a time as they are asked for, so a writer can yield
 * between them. Layout: one top-level key per line, and one item per line in the long lists, each
 * value compact JSON (the text is `JSON.stringify`'s value for value: `JSON.parse` of it equals the
 * project). A line per item keeps saves close to a plain `JSON.stringify` and lets a reader find the
 * history without parsing the rest. Items of the long lists are never changed in place (every change
 * makes a new object), so their text may be kept in `cache` by identity: a save then serializes only
 * what changed since the last one.
 */
export function* serializeProjectParts(project: Project, cache?: WeakMap<object, string>): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(project)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (!LONG_LISTS.has(key) || !Array.isArray(value) || value.length === 0) {
      yield* compactParts(value);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? '\n    ' : ',\n    ';
      yield* itemParts(value[i], cache);
    }
    yield '\n  ]';
  }
  yield first ? '{}\n' : '\n}\n';
}

function* itemParts(item: unknown, cache: WeakMap<object, string> | undefined): Generator<string> {
  if (typeof item !== 'object' || item === null) {
    yield JSON.stringify(item) ?? 'null';
    return;
  }
  const known = cache?.get(item);
  if (known !== undefined) {
    yield known;
    return;
  }
  const pieces: string[] = [];
  for (const piece of compactParts(item)) {
    pieces.push(piece);
    yield piece;
  }
  cache?.set(item, pieces.length === 1 ? pieces[0]! : pieces.join(''));
}

/** `JSON.stringify(value)` in pieces: long arrays element by element, objects holding them key by key. */
function* compactParts(value: unknown): Generator<string> {
  if (!holdsLongArray(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const element: unknown = value[i];
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* compactParts(element);
    }
    yield ']';
    return;
  }
  let first = true;
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* compactParts(member);
  }
  yield first ? '{}' : '}';
}

/** Whether the value is, or directly holds, an array long enough to be made in pieces (plain data only). */
function holdsLongArray(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || 'toJSON' in value) return false;
  if (Array.isArray(value)) return value.length > SPLIT_ARRAY_LENGTH;
  for (const member of Object.values(value)) {
    if (Array.isArray(member) && member.length > SPLIT_ARRAY_LENGTH) return true;
  }
  return false;
}

export function createEmptyProject({ id, title, createdAt }: { id: string; title: string; createdAt: string }): Project {
  return {
    format: PROJECT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    id,
    title,
    createdAt,
    ratingScale: defaultRatingScale(),
    articles: [],
    claims: [],
    sources: [],
    links: [],
    history: [],
  };
}

// ---------- migrations ----------

/**
 * One step per old schemaVersion: migrations[n] turns a version-n file into a version-(n+1) file.
 * Version 1 is the first (and current) version, so there is no step yet; add `0: (raw) => …` style
 * entries here when the format changes, and bump SCHEMA_VERSION in model.ts.
 */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/** Brings a raw project object up to the current schemaVersion, one step at a time. */
export function migrate(
  raw: Record<string, unknown>,
): { ok: true; raw: Record<string, unknown> } | { ok: false; problem: string } {
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: damaged(`schemaVersion: expected a whole number, found ${JSON.stringify(version) ?? 'nothing'}`) };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      problem:
        `This project was made by a newer version of the workbench (schemaVersion ${version}; ` +
        `this version reads ${SCHEMA_VERSION}). Update the workbench to open it.`,
    };
  }
  let current = raw;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) {
      return { ok: false, problem: `This project has schemaVersion ${version}, which this version of the workbench cannot read.` };
    }
    current = { ...step(current), schemaVersion: v + 1 };
  }
  return { ok: true, raw: current };
}

// ---------- cross references ----------

/** Ids used twice: reported, never repaired (which of the two would the user mean?). */
function checkUniqueIds(project: Project): string[] {
  return [
    ...duplicateIds(project.articles, 'articles', 'article'),
    ...duplicateIds(project.claims, 'claims', 'claim'),
    ...duplicateIds(project.sources, 'sources', 'source'),
    ...duplicateIds(project.links, 'links', 'source link'),
    ...duplicateIds(project.comments ?? [], 'comments', 'comment'),
  ].map(describeProblem);
}

/**
 * What a schema cannot see and a repair does not settle (operations/invariants.ts): texts that are
 * not their blocks, references to things that are not in the project, claims that do not fit their
 * text, and a history whose sequence or undo/redo steps do not add up.
 */
export function checkProjectIntegrity(project: Project): string[] {
  const problems: string[] = checkUniqueIds(project);
  problems.push(...duplicateIds(project.ratingScale.levels, 'ratingScale.levels', 'rating level').map(describeProblem));

  project.articles.forEach((article, i) => {
    problems.push(...articleVersionProblems(article, `articles[${i}]`, `article "${article.id}"`).map(describeProblem));
    article.previousVersions.forEach((version, j) => {
      problems.push(...articleVersionProblems(version, `articles[${i}].previousVersions[${j}]`, `an earlier version of article "${article.id}"`).map(describeProblem));
    });
  });

  const articles = new Map(project.articles.map((a) => [a.id, a]));
  const claimIds = new Set(project.claims.map((c) => c.id));
  const sourceIds = new Set(project.sources.map((s) => s.id));
  const levelIds = new Set(project.ratingScale.levels.map((l) => l.id));

  project.claims.forEach((claim, i) => {
    problems.push(...claimProblems(claim, articles, levelIds, project.ratingScale, `claims[${i}]`).map(describeProblem));
  });
  project.links.forEach((link, i) => {
    if (!claimIds.has(link.claimId)) {
      problems.push(`links[${i}].claimId: source link "${link.id}" refers to claim "${link.claimId}", which is not in the project`);
    }
    if (!sourceIds.has(link.sourceId)) {
      problems.push(`links[${i}].sourceId: source link "${link.id}" refers to source "${link.sourceId}", which is not in the project`);
    }
  });
  (project.comments ?? []).forEach((comment, i) => {
    if (!claimIds.has(comment.claimId)) problems.push(`comments[${i}].claimId: comment "${comment.id}" is on claim "${comment.claimId}", which is not in the project`);
  });

  project.history.forEach((entry, i) => {
    if (entry.seq !== i) problems.push(`history[${i}].seq: expected ${i}, found ${entry.seq}`);
  });
  problems.push(...checkUndoRedoSequence(project));
  return problems;
}

/** Every undo/redo entry must name the entry an undo/redo at that point would have targeted. */
function checkUndoRedoSequence(project: Project): string[] {
  const problems: string[] = [];
  undoRedoStacks(project.history, (entry, i, expected) => {
    if (expected === undefined) problems.push(`history[${i}]: an ${entry.kind} with nothing to ${entry.kind}`);
    else if (entry.of !== expected) problems.push(`history[${i}].of: expected ${expected}, found ${entry.of ?? 'nothing'}`);
  });
  return problems;
}

// ---------- wording ----------

function damaged(detail: string): string {
  return `The project file is damaged: ${detail}`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return summarize(issues.map((issue) => `${formatPath(issue.path)}: ${issueMessage(issue)}`));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `missing (${issue.message})`;
  return issue.message;
}

function summarize(problems: readonly string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  const more = problems.length - 3;
  return more > 0 ? `${shown} (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : shown;
}

/** ["claims", 0, "target", "position"] → "claims[0].target.position". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
