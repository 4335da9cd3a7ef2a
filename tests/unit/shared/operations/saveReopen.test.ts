/**
 * Every change that is saved yields a project the loader accepts: the audit's cases, each either
 * refused by the reducer (the project stays as it was) or applied, saved and reopened.
 */
import { describe, expect, it } from 'vitest';
import { planArticleUpdate } from '../../../../shared/anchoring';
import { countWords, joinBlocks } from '../../../../shared/articles/canonicalText';
import { commitChange } from '../../../../shared/history';
import type { ArticleVersion } from '../../../../shared/model';
import { OperationError, type Change, type Project } from '../../../../shared/operations';
import { checkInvariants } from '../../../../shared/invariants';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { makeClaim, meta, sampleProject } from '../helpers';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

function reopen(project: Project) {
  return parseProjectFile(serializeProject(project), sha256Hex);
}

function commit(project: Project, change: Change): Project {
  return commitChange(project, change, meta(project.history.length)).project;
}

/** The change is refused with a message matching `message`, or the project it makes reopens. */
function expectRefused(project: Project, change: Change, message: RegExp): void {
  let after: Project | null = null;
  try {
    after = commit(project, change);
  } catch (err) {
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(message);
    return;
  }
  const reopened = reopen(after);
  expect(reopened.ok ? 'reopened' : reopened.problem, 'the change was applied, so it must reopen').toBe('refused');
}

/** Reopens as saved: nothing to repair, every rule kept. */
function expectReopens(project: Project): void {
  const reopened = reopen(project);
  expect(reopened.ok ? reopened.repairs : reopened.problem).toEqual([]);
  expect(checkInvariants(project, sha256Hex)).toEqual([]);
}

function versionOf(paragraphs: string[]): ArticleVersion {
  const blocks = paragraphs.map((text) => ({ type: 'paragraph' as const, text }));
  const text = joinBlocks(blocks);
  return { importedAt: '2026-11-26T09:00:00.000Z', format: 'text', metadata: { title: 'Strikes', wordCount: countWords(text) }, blocks, text, textSha256: sha256Hex(text) };
}

describe('a change the loader would reject is refused', () => {
  it('addClaim with a verdict level that is not on the scale', () => {
    const p = sampleProject();
    const claim = { ...makeClaim('c9', p.articles[0], 'The strikes'), verdict: { levelId: 'no-such-level', rationale: '', conclusion: '' } };
    expectRefused(p, { kind: 'do', op: { type: 'addClaim', claim } }, /no-such-level.*rating scale/);
  });

  it('setVerdict with a verdict level that is not on the scale', () => {
    expectRefused(sampleProject(), { kind: 'do', op: { type: 'setVerdict', claimId: 'c1', levelId: 'no-such-level' } }, /no-such-level.*rating scale/);
  });

  it('setRatingScale with two levels of the same id', () => {
    const p = sampleProject();
    const [first, second, ...rest] = p.ratingScale.levels;
    const scale = { ...p.ratingScale, levels: [first, { ...second, id: first.id }, ...rest] };
    expectRefused(p, { kind: 'do', op: { type: 'setRatingScale', scale, verdicts: [] } }, /used twice/);
  });

  it('setRatingScale that drops a level still in use without mapping it', () => {
    const p = commit(sampleProject(), { kind: 'do', op: { type: 'setVerdict', claimId: 'c1', levelId: 'false' } });
    const scale = { ...p.ratingScale, levels: p.ratingScale.levels.filter((l) => l.id !== 'false') };
    expectRefused(p, { kind: 'do', op: { type: 'setRatingScale', scale, verdicts: [] } }, /"false".*rating scale/);
  });

  it('updateArticle to a shorter text that leaves a claim where its words no longer are', () => {
    const p = sampleProject();
    const version = versionOf(['Short.']);
    const op = { type: 'updateArticle' as const, articleId: 'a1', version, previous: 'push' as const, claims: [] };
    expectRefused(p, { kind: 'do', op }, /c1|c3/);
  });
});

describe('a change the app makes always reopens', () => {
  it('"Update article" to a version shorter than an orphaned claim\'s old span', () => {
    const p = sampleProject();
    // c3 ("halted intelligence sharing", offsets 63–90) is orphaned; the new text is 40 characters long.
    const plan = planArticleUpdate(p, 'a1', versionOf(['The strikes have killed at least 80.']), '2026-11-26T09:00:00.000Z');
    expect(plan.summary.orphaned + plan.summary.changed).toBeGreaterThan(0);
    const after = commit(p, { kind: 'do', op: plan.op });
    expectReopens(after);
    const undone = commit(after, { kind: 'undo' });
    expect(undone.claims).toEqual(p.claims);
    expectReopens(undone);
  });

  it('deleting a claim takes its comments along (and undo brings them back)', () => {
    let p = sampleProject();
    p = commit(p, { kind: 'do', op: { type: 'postComment', comment: { id: 'm1', claimId: 'c1', author: 'A', at: '2026-11-25T10:00:00.000Z', text: 'Check the UN figure' } } });
    const deleted = commit(p, { kind: 'do', op: { type: 'deleteClaim', claimId: 'c1' } });
    expect(deleted.comments ?? [], 'no comment is left on a claim that is gone').toEqual([]);
    expectReopens(deleted);
    const undone = commit(deleted, { kind: 'undo' });
    expect(undone.comments).toEqual(p.comments);
    expect(undone.claims).toEqual(p.claims);
  });

  it('removing an article takes the comments of its claims along', () => {
    let p = sampleProject();
    p = commit(p, { kind: 'do', op: { type: 'postComment', comment: { id: 'm1', claimId: 'c3', author: 'A', at: '2026-11-25T10:00:00.000Z', text: 'Which agency?' } } });
    const removed = commit(p, { kind: 'do', op: { type: 'removeArticle', articleId: 'a1' } });
    expect(removed.comments ?? []).toEqual([]);
    expectReopens(removed);
    expect(commit(removed, { kind: 'undo' }).comments).toEqual(p.comments);
  });
});
