/**
 * What an operation family provides. Each family (shared/operations/<family>.ts) lists its
 * operations' zod schemas and, per operation type, one handler: how it applies, how it is undone,
 * its history label, the claims it concerns and whether an approved claim's lock refuses it. The
 * registry (registry.ts) looks every operation up here.
 */
import type { z } from 'zod';
import type { Claim, ClaimSourceLink, ClaimState, Comment, Correction } from '../model';
import type { ApprovalOverride, ReviewAction } from '../workflow/steps';
import type { Operation, Project } from './schema';

/** What of an approved claim an operation would change (it words the refusal). */
export type LockedPart = 'claim' | 'source' | 'article';

/** The lists `claimIds` looks into: the project, or for the History filter everything its history has seen. */
export type ClaimLookup = Pick<Project, 'claims' | 'links'> & Partial<Pick<Project, 'comments' | 'corrections'>>;

/** Claims, links and comments an operation carries in full (so an old history entry can still be read after they are gone). */
export interface Carried {
  claims?: readonly Claim[];
  links?: readonly ClaimSourceLink[];
  comments?: readonly Comment[];
  corrections?: readonly Correction[];
}

/** A move of a claim to another review state, and the review step it names (if any). */
export interface StateChange {
  to: ClaimState;
  action?: ReviewAction;
  /** An approval's override of the checks it skipped. */
  override?: ApprovalOverride;
}

export interface OperationHandler<Op> {
  /** Returns the new project; pure, and throws OperationError when the operation does not fit. */
  apply(project: Project, op: Op): Project;
  /** Computed against the state before `op`: apply(apply(p, op), invert(p, op)) equals p, list order included. */
  invert(project: Project, op: Op): Operation;
  /** A short label for the history and for "Undo …", e.g. "Mark claim". */
  describe(op: Op): string;
  /** The claims the operation concerns (History filter, the report's review steps, the approval lock). */
  claimIds(op: Op, project: ClaimLookup): string[];
  /** What it would change of an approved claim, or false when it stays allowed on one (comments, review steps…). */
  locks(op: Op): LockedPart | false;
  /** For operations that move claims to another review state. */
  stateChange?(op: Op): StateChange | undefined;
  /** Why the operation may no longer be sent as a new change; stored histories keep it readable and undoable. */
  retired?(op: Op): string | undefined;
  /** What it carries in full, for reading old history entries. */
  carries?(op: Op): Carried;
  /** The operation with the author the main side knows put on what it posts (a comment, a correction). */
  withAuthor?(op: Op, author: string): Op;
}

type Handlers<Op extends { type: string }> = { [K in Op['type']]: OperationHandler<Extract<Op, { type: K }>> };

export interface OperationFamily<Op extends { type: string } = { type: string }> {
  name: string;
  types: readonly Op['type'][];
  schemas: readonly z.ZodType[];
  apply(project: Project, op: Op): Project;
  invert(project: Project, op: Op): Operation;
  describe(op: Op): string;
  claimIds(op: Op, project: ClaimLookup): string[];
  locks(op: Op): LockedPart | false;
  stateChange(op: Op): StateChange | undefined;
  retired(op: Op): string | undefined;
  carries(op: Op): Carried;
  withAuthor(op: Op, author: string): Op;
}

/** One family from its schemas and a handler per operation type (the compiler checks none is missing). */
export function defineFamily<S extends readonly z.ZodType<{ type: string }>[]>(
  name: string,
  schemas: S,
  handlers: Handlers<z.infer<S[number]>>,
): OperationFamily<z.infer<S[number]>> {
  type Op = z.infer<S[number]>;
  const handler = (op: Op) => handlers[op.type as Op['type']] as unknown as OperationHandler<Op>;
  return {
    name,
    types: Object.keys(handlers) as Op['type'][],
    schemas,
    apply: (project, op) => handler(op).apply(project, op),
    invert: (project, op) => handler(op).invert(project, op),
    describe: (op) => handler(op).describe(op),
    claimIds: (op, project) => handler(op).claimIds(op, project),
    locks: (op) => handler(op).locks(op),
    stateChange: (op) => handler(op).stateChange?.(op),
    retired: (op) => handler(op).retired?.(op),
    carries: (op) => handler(op).carries?.(op) ?? {},
    withAuthor: (op, author) => handler(op).withAuthor?.(op, author) ?? op,
  };
}
