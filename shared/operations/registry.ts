/**
 * The one registry of operation families: the reducer (`apply`), the inverse (`invert`), the
 * history labels, the claims an operation concerns and the lock on approved claims are lookups
 * here. A batch is handled here too: applied in order, undone in reverse order.
 */
import { anchoring } from './anchoring';
import { articles } from './articles';
import { attachments } from './attachments';
import { captures } from './captures';
import { content } from './content';
import { OperationError } from './errors';
import { members } from './members';
import type { Carried, ClaimLookup, LockedPart, OperationFamily, StateChange } from './family';
import { assertInvariantsKept } from './invariants';
import { fillingInPlace, indexOfId } from './lists';
import { projectSettings } from './projectSettings';
import { publication } from './publication';
import { review } from './review';
import { LeafOperationSchema, OperationSchema, type LeafOperation, type Operation, type Project } from './schema';
import { suggestions } from './suggestions';

export const OPERATION_FAMILIES: readonly OperationFamily<LeafOperation>[] = [
  projectSettings,
  articles,
  content,
  review,
  attachments,
  anchoring,
  captures,
  suggestions,
  publication,
  members,
] as unknown as OperationFamily<LeafOperation>[];

const byType = new Map<string, OperationFamily<LeafOperation>>();
for (const family of OPERATION_FAMILIES) for (const type of family.types) byType.set(type, family);

/** The family an operation type belongs to, or undefined for an unknown type. */
export function familyOf(type: string): OperationFamily<LeafOperation> | undefined {
  return byType.get(type);
}

function family(op: LeafOperation): OperationFamily<LeafOperation> {
  const found = op !== null && typeof op === 'object' && typeof op.type === 'string' ? byType.get(op.type) : undefined;
  if (!found) throw new OperationError(`Unknown operation: ${String((op as { type?: unknown } | null)?.type)}`);
  return found;
}

/** The leaf operations of an operation (a batch's, in order, or the operation itself). */
export function leavesOf(op: Operation): LeafOperation[] {
  return op.type === 'batch' ? op.ops : [op];
}

/**
 * Applies one operation and returns the new project. Pure and immutable (new arrays and objects
 * along the changed path; untouched parts are shared). Does not touch the history: that is
 * shared/history.ts's job. Throws OperationError when the operation does not fit the project:
 * arguments its schema refuses (wrong types, text over its size limit), an approved claim's lock,
 * or a result the loader would reject (see invariants.ts) — operations may come from anywhere
 * (an annotation file, another machine), and a saved project must always reopen.
 */
export function apply(project: Project, op: Operation): Project {
  return applyLeaves(project, op, null);
}

/** apply() and invert() in one pass over the leaves: the new project, and the operation that undoes `op` on it. */
export function applyWithInverse(project: Project, op: Operation): { project: Project; inverse: Operation } {
  if (op.type !== 'batch') {
    const next = apply(project, op);
    return { project: next, inverse: family(op).invert(project, validated(op)) };
  }
  const inverses: LeafOperation[][] = [];
  const next = applyLeaves(project, op, inverses);
  const ops = inverses.reverse().flat();
  return { project: next, inverse: op.label === undefined ? { type: 'batch', ops } : { type: 'batch', label: op.label, ops } };
}

/**
 * The leaves in order, each validated and checked against the approval lock, its inverse taken
 * (when `inverses` is given) against the state before it. The loader's rules are checked once,
 * on the result: a batch is one change, and only what it changed is compared (see invariants.ts).
 */
function applyLeaves(project: Project, op: Operation, inverses: LeafOperation[][] | null): Project {
  if (op.type === 'batch' && (!Array.isArray(op.ops) || op.ops.length === 0)) throw new OperationError('A batch needs at least one operation');
  const leaves = leavesOf(op);
  let state = project;
  const applyLeaf = (given: LeafOperation) => {
    const handler = family(given);
    const leaf = validated(given);
    assertUnlocked(state, leaf);
    if (inverses) inverses.push(leavesOf(handler.invert(state, leaf)));
    state = handler.apply(state, leaf);
  };
  for (let i = 0; i < leaves.length; ) {
    // A run of added claims (a batch of marks, an import, its redo) or of deleted ones (its undo) changes the claim
    // list it makes in place: each claim copying the whole list made a batch of n claims cost n² copies. Their
    // inverses keep no list.
    let end = i + 1;
    const kind = inPlaceKind(leaves[i]);
    if (kind) while (end < leaves.length && inPlaceKind(leaves[end]) === kind) end++;
    const run = leaves.slice(i, end);
    if (run.length > 1) fillingInPlace(() => run.forEach(applyLeaf));
    else applyLeaf(run[0]!);
    i = end;
  }
  assertInvariantsKept(project, state);
  return state;
}

/** The operations whose runs change the lists they make in place (see fillingInPlace), or null. */
function inPlaceKind(op: unknown): 'addClaim' | 'deleteClaim' | null {
  const type = op !== null && typeof op === 'object' ? (op as { type?: unknown }).type : undefined;
  return type === 'addClaim' || type === 'deleteClaim' ? type : null;
}

/**
 * The state after one leaf as its family applies it to the leaf its schema reads (so a look-ahead
 * sees what apply() will do), without the lock and loader checks: for looking ahead through a
 * change (the review rules do) — the change itself is applied by apply(), which checks.
 */
export function previewLeaf(project: Project, leaf: LeafOperation): Project {
  return family(leaf).apply(project, validated(leaf));
}

/**
 * What the schema made of an operation, by the object given and by the object it returned
 * (operations are never changed in place, like every part of a project): an operation is parsed
 * once, however often it is applied, undone and redone.
 */
const validatedForms = new WeakMap<object, Operation>();

function remembered<T extends Operation>(op: T, parse: () => T): T {
  const known = op !== null && typeof op === 'object' ? validatedForms.get(op) : undefined;
  if (known) return known as T;
  const parsed = parse();
  validatedForms.set(op, parsed);
  validatedForms.set(parsed, parsed);
  if (parsed.type === 'batch') for (const leaf of parsed.ops) validatedForms.set(leaf, leaf);
  return parsed;
}

/** The operation as its schema reads it (defaults filled in, unknown keys dropped); OperationError naming the field when it does not fit. */
function validated(op: LeafOperation): LeafOperation {
  return remembered(op, () => parsedOrThrow(LeafOperationSchema, op));
}

/** An operation (a batch too) as it is recorded: validated, with only the fields its schema knows (never a stranger's extra data). */
export function validateOperation(op: Operation): Operation {
  return remembered(op, () => parsedOrThrow(OperationSchema, op));
}

function parsedOrThrow<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, op: { type?: unknown } | null): T {
  const parsed = schema.safeParse(op);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  const type = typeof op?.type === 'string' ? op.type : 'operation';
  throw new OperationError(`${type}: ${where}${issue?.message ?? 'invalid'}`);
}

/**
 * The operation that undoes `op`, computed against the state before it:
 * apply(apply(project, op), invert(project, op)) deep-equals `project`, the order of every list included.
 */
export function invert(project: Project, op: Operation): Operation {
  return op.type === 'batch' ? applyWithInverse(project, op).inverse : family(op).invert(project, op);
}

/** A short human label for an operation, e.g. "Mark claim" (for "Undo Mark claim" and the history list). */
export function describeOperation(op: Operation): string {
  if (op.type !== 'batch') return family(op).describe(op);
  if (op.label) return op.label;
  return op.ops.length > 0 ? family(op.ops[0]).describe(op.ops[0]) : 'Change';
}

/** The claims an operation concerns, each once. */
export function claimIdsOf(op: Operation, project: ClaimLookup): string[] {
  return [...new Set(leavesOf(op).flatMap((leaf) => family(leaf).claimIds(leaf, project)))];
}

/** The review state a leaf operation moves its claims to, if it is a state change. */
export function stateChangeOf(op: LeafOperation): StateChange | undefined {
  return family(op).stateChange(op);
}

/** The claims, links and comments a leaf operation carries in full. */
export function carriedBy(op: LeafOperation): Carried {
  return family(op).carries(op);
}

/** The operation with its author stamped where it posts something in the author's name (comments, corrections). */
export function withAuthor(op: LeafOperation, author: string): LeafOperation {
  return family(op).withAuthor(op, author);
}

/** Why a new change may not send this operation (a retired form kept readable for stored histories), or null. */
export function retiredReason(op: Operation): string | null {
  for (const leaf of leavesOf(op)) {
    const reason = family(leaf).retired(leaf);
    if (reason) return reason;
  }
  return null;
}

export const LOCKED_MESSAGE = 'is approved and locked; reopen it to make changes';

const LOCKED_SUBJECT: Record<LockedPart, (quote: string) => string> = {
  claim: () => 'This claim',
  source: () => 'This source is used by a claim that',
  article: (quote) => `This article has a claim (“${quote}”) that`,
};

/**
 * The first claim of the list (in its order) that is approved and has one of these ids. A few ids are each
 * looked up from the end of the list, where a batch's claims are (its undo deletes them one by one, and a
 * scan of every claim for each operation made the undo of n claims cost n²); many (a removed article's
 * claims) in one pass over the list.
 */
function firstApproved(claims: Project['claims'], ids: readonly string[]): Project['claims'][number] | undefined {
  if (ids.length > 8) {
    const wanted = new Set(ids);
    return claims.find((claim) => claim.state === 'approved' && wanted.has(claim.id));
  }
  let first = -1;
  for (const id of ids) {
    const at = indexOfId(claims, id);
    if (at >= 0 && claims[at]!.state === 'approved' && (first < 0 || at < first)) first = at;
  }
  return first >= 0 ? claims[first] : undefined;
}

/** Throws OperationError when `op` would change an approved claim. Comments and review steps (Reopen) are never refused. */
export function assertUnlocked(project: Project, op: LeafOperation): void {
  const part = family(op).locks(op);
  if (!part) return;
  const ids = family(op).claimIds(op, project);
  if (ids.length === 0) return;
  const locked = firstApproved(project.claims, ids);
  if (locked) throw new OperationError(`${LOCKED_SUBJECT[part](locked.target.quote.exact.slice(0, 60))} ${LOCKED_MESSAGE}`);
}
