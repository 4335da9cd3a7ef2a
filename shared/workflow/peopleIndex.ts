/**
 * The people a project has seen (assignees, who marked claims, who commented, who made changes),
 * each name once in the first spelling seen, kept as the project grows: the winning spelling of each
 * name is remembered with where it was seen, so a project whose claims and history continue the last
 * reading's (Mark claim appends one claim and one entry) is read from where that reading ended, not
 * 5,000 claims and entries again. Anything else (an edit replaces a claim) is read again in full.
 */
import type { Claim, Comment } from '../model';
import type { HistoryEntry, Project } from '../operations';
import { sharedStart } from '../sharedStart';

/** Where a spelling was seen: claims first, then comments, then the history (the order of precedence). */
interface Seen {
  name: string;
  section: number;
  index: number;
}

export interface PeopleIndex {
  readonly claims: readonly Claim[];
  readonly comments: readonly Comment[];
  readonly history: readonly HistoryEntry[];
  readonly seen: ReadonlyMap<string, Seen>;
  /** Every name once, sorted. */
  readonly names: readonly string[];
}

const NONE: never[] = [];
const CLAIMS = 0;
const COMMENTS = 1;
const HISTORY = 2;

const sorted = (seen: ReadonlyMap<string, Seen>) => [...seen.values()].map((s) => s.name).sort((a, b) => a.localeCompare(b));

/** The people of `project`, reading only what was added since `previous` where the project continues it. */
export function indexPeople(project: Pick<Project, 'claims' | 'comments' | 'history'>, previous?: PeopleIndex): PeopleIndex {
  const { claims, history } = project;
  const comments = project.comments ?? NONE;
  if (previous && previous.claims === claims && previous.comments === comments && previous.history === history) return previous;
  const continues =
    previous !== undefined &&
    previous.comments === comments &&
    sharedStart(claims, previous.claims) === previous.claims.length &&
    sharedStart(history, previous.history) === previous.history.length;
  const seen = new Map(continues ? previous.seen : []);
  let changed = !continues;
  // Names repeat by the thousand (one author per history entry): each spelling is folded once.
  const keys = new Map<string, string | null>();
  const add = (name: string | undefined, section: number, index: number) => {
    if (name === undefined) return;
    let key = keys.get(name);
    if (key === undefined) {
      const trimmed = name.trim();
      key = trimmed ? trimmed.toLocaleLowerCase() : null;
      keys.set(name, key);
    }
    if (key === null) return;
    const known = seen.get(key);
    // What is read comes after what was read before in its section: it wins over an earlier section only.
    if (known && (known.section < section || (known.section === section && known.index <= index))) return;
    seen.set(key, { name: name.trim(), section, index });
    changed = true;
  };
  for (let i = continues ? previous.claims.length : 0; i < claims.length; i++) {
    add(claims[i]!.assignee, CLAIMS, 2 * i);
    add(claims[i]!.createdBy, CLAIMS, 2 * i + 1);
  }
  if (!continues) comments.forEach((comment, i) => add(comment.author, COMMENTS, i));
  for (let i = continues ? previous.history.length : 0; i < history.length; i++) add(history[i]!.author, HISTORY, i);
  return { claims, comments, history, seen, names: changed || !previous ? sorted(seen) : previous.names };
}

/** `names` with `also` merged in first (its spelling wins for a name in both), sorted. */
export function withNames(names: readonly string[], also: readonly string[]): string[] {
  if (also.length === 0) return [...names];
  const byKey = new Map<string, string>();
  for (const name of [...also.map((n) => n.trim()).filter(Boolean), ...names]) {
    const key = name.toLocaleLowerCase();
    if (!byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
