/**
 * The one table of size limits on free text. The project file's schemas (model.ts), the operation
 * schemas, the reducer (which validates every operation) and the API contract all build their string
 * fields from `limitedText`, so they refuse exactly the same things, each with an error that names
 * the field (the error's path) and its limit. Lengths are JavaScript string lengths (UTF-16 units).
 */
import { z } from 'zod';

const MIB = 1024 * 1024;

export const TEXT_LIMITS = {
  /** Ids of everything in a project. */
  id: { max: 200, what: 'An id' },
  /** Project titles (createProject, renameProject, the file). */
  projectTitle: { max: 500, what: 'A project title' },
  /** An article's canonical text and each of its blocks; quotes of it (a claim's selectors) too. */
  articleText: { max: 32 * MIB, what: 'An article’s text' },
  /** Titles, names of publishers and sites, claimants, labels, file names, tags, locations. */
  line: { max: 2_000, what: 'This field' },
  /** People: who created a claim, wrote a comment or made a change; an assignee. */
  person: { max: 200, what: 'A name' },
  /** A claim statement, a conclusion, a level's description, a capture warning. */
  paragraph: { max: 10_000, what: 'This text' },
  /** Markdown written by the checker: notes, rationales, comments, excerpts, the methodology note. */
  notes: { max: 1_000_000, what: 'This text' },
  /** Addresses of articles, sources and captured pages. */
  url: { max: 8_192, what: 'An address' },
  /** Dates and times (ISO 8601 or free text such as "May 2024"). */
  date: { max: 100, what: 'A date' },
  /** Short codes: languages, media types, tool names and versions. */
  code: { max: 200, what: 'This value' },
} as const;

export type TextLimit = keyof typeof TEXT_LIMITS;

/** Tags a claim may carry. */
export const MAX_TAGS = 100;

const number = new Intl.NumberFormat('en-US');

/** "A project title can be at most 500 characters (this one has 5,242,880)". */
export function tooLongMessage(kind: TextLimit, length: number): string {
  const { max, what } = TEXT_LIMITS[kind];
  return `${what} can be at most ${number.format(max)} characters (this one has ${number.format(length)})`;
}

/** A string field with the limit of its kind; `min` 1 for fields that must not be empty. */
export function limitedText(kind: TextLimit, options: { min?: number } = {}) {
  const { max } = TEXT_LIMITS[kind];
  const text = z.string().max(max, { error: (issue) => tooLongMessage(kind, typeof issue.input === 'string' ? issue.input.length : max + 1) });
  return options.min ? text.min(options.min) : text;
}

/** The id of anything in a project. */
export const IdSchema = limitedText('id', { min: 1 });

/** `text` cut to the limit of its kind (never between the halves of a surrogate pair), for values read from other people's files. */
export function clipText(text: string, kind: TextLimit): string {
  const { max } = TEXT_LIMITS[kind];
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
