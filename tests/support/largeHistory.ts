/**
 * Builds a project with a long, realistic history as a plain project file (never through the app):
 * the generated articles of largeProject.ts, every claim marked by a stamped entry, then verdicts,
 * statement edits, comments and undo/redo pairs by two people, each with its exact inverse, so that
 * the file opens, undoes and merges like one the app wrote.
 */
import { promises as fs } from 'node:fs';
import type { Claim, Comment } from '../../shared/model';
import type { HistoryEntry, Operation, Project } from '../../shared/operations';
import { serializeProject } from '../../shared/projectFile';
import { formatHlc } from '../../shared/sync/hlc';
import { generateLargeProject, type LargeProjectShape } from './largeProject';

export interface LongHistoryShape extends Omit<LargeProjectShape, 'historyEntries'> {
  /** Entries in the history, the claims' addClaim entries included. */
  historyEntries: number;
}

const PEOPLE = [
  { author: 'Ana Checker', keyId: 'k-ana-0000000001', device: 'device-ana-laptop' },
  { author: 'Ben Editor', keyId: 'k-ben-0000000002', device: 'device-ben-desktop' },
] as const;
const START_MS = Date.UTC(2026, 9, 1, 8, 0, 0);
const LEVELS = ['true', 'mostly-true', 'mostly-false', 'false'] as const;
// A signature's length and alphabet (base64url of 64 bytes); never verified when a file is opened.
const SIGNATURE = 'S'.repeat(86);

/** The project and history; `project.history.length === shape.historyEntries`. */
export function generateLongHistoryProject(shape: LongHistoryShape): Project {
  const target = generateLargeProject({ ...shape, historyEntries: 0 });
  // The claims as the history leaves them, tracked here (the registry's per-operation checks make 100,000 applies take minutes).
  const claims = target.claims.map((claim) => ({ ...claim, verdict: { ...claim.verdict } }));
  const comments: Comment[] = [];
  const history: HistoryEntry[] = [];
  const stamp = (n: number) => {
    const person = PEOPLE[n % PEOPLE.length]!;
    const wallMs = START_MS + n * 1000;
    return {
      seq: n,
      id: `entry-${n.toString(36)}`,
      at: new Date(wallMs).toISOString(),
      author: person.author,
      keyId: person.keyId,
      device: person.device,
      hlc: formatHlc({ wallMs, counter: 0 }),
      signature: SIGNATURE,
    };
  };
  const push = (kind: HistoryEntry['kind'], op: Operation, inverse: Operation, of?: HistoryEntry) => {
    const entry: HistoryEntry = { ...stamp(history.length), kind, op, inverse };
    if (of) Object.assign(entry, { of: of.seq, ofId: of.id });
    history.push(entry);
    return entry;
  };
  const setVerdict = (claim: Claim, levelId: string | null, rationale: string): [Operation, Operation] => {
    const before: Operation = { type: 'setVerdict', claimId: claim.id, levelId: claim.verdict.levelId, rationale: claim.verdict.rationale };
    claim.verdict = { ...claim.verdict, levelId, rationale };
    return [{ type: 'setVerdict', claimId: claim.id, levelId, rationale }, before];
  };

  const added = Math.min(claims.length, shape.historyEntries);
  for (let i = 0; i < added; i++) {
    push('do', { type: 'addClaim', claim: { ...claims[i]!, verdict: { ...claims[i]!.verdict } }, index: i }, { type: 'deleteClaim', claimId: claims[i]!.id });
  }
  for (let n = 0; history.length < shape.historyEntries; n++) {
    const claim = claims[n % added]!;
    const left = shape.historyEntries - history.length;
    if (n % 25 === 24 && left >= 3) {
      // A verdict taken back and given again: an undo and a redo naming their target.
      const [op, inverse] = setVerdict(claim, LEVELS[n % LEVELS.length]!, `Checked against the ministry's figures, revision ${n}.`);
      const done = push('do', op, inverse);
      push('undo', inverse, op, done);
      push('redo', op, inverse, done);
      continue;
    }
    switch (n % 4) {
      case 0: {
        const statement = `${claim.statement.replace(/ \(wording \d+\)$/, '')} (wording ${n})`;
        push('do', { type: 'editClaim', claimId: claim.id, changes: { statement } }, { type: 'editClaim', claimId: claim.id, changes: { statement: claim.statement } });
        claim.statement = statement;
        break;
      }
      case 1: {
        const rationale = `The national statistics office reports a different figure for October (revision ${n}); the claim rounds it.`;
        push('do', ...setVerdict(claim, LEVELS[n % LEVELS.length]!, rationale));
        break;
      }
      case 2: {
        const claimant = `Speaker ${n % 13}`;
        push('do', { type: 'editClaim', claimId: claim.id, changes: { claimant } }, { type: 'editClaim', claimId: claim.id, changes: { claimant: claim.claimant } });
        claim.claimant = claimant;
        break;
      }
      default: {
        const comment: Comment = { id: `comment-${n.toString(36)}`, claimId: claim.id, author: PEOPLE[n % 2]!.author, at: stamp(history.length).at, text: `Source ${n} checked, see the notes.` };
        push('do', { type: 'postComment', comment }, { type: 'deleteComment', commentId: comment.id });
        comments.push(comment);
      }
    }
  }
  const project: Project = { ...target, claims: claims.slice(0, added), history };
  return comments.length > 0 ? { ...project, comments } : project;
}

export async function writeLongHistoryProject(file: string, shape: LongHistoryShape): Promise<Project> {
  const project = generateLongHistoryProject(shape);
  await fs.writeFile(file, serializeProject(project));
  return project;
}
