import { describe, expect, it } from 'vitest';
import { acceptProposedSpan, keepOrphaned, planArticleUpdate, retargetClaim } from '../../../../shared/anchoring';
import { joinBlocks, countWords } from '../../../../shared/articles/canonicalText';
import { commitChange, describeOperation } from '../../../../shared/history';
import { invert } from '../../../../shared/operations';
import type { ArticleVersion } from '../../../../shared/model';
import { OperationSchema, type Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { apply } from '../../../../shared/operations';
import { makeClaim, meta, sampleProject } from '../helpers';

function versionOf(paragraphs: string[]): ArticleVersion {
  const blocks = paragraphs.map((text) => ({ type: 'paragraph' as const, text }));
  const text = joinBlocks(blocks);
  return { importedAt: '2026-11-26T09:00:00.000Z', format: 'text', metadata: { title: 'Strikes', wordCount: countWords(text) }, blocks, text, textSha256: '1'.repeat(64) };
}

/** a1 gets a third claim with a verdict; the update changes 75 → 80, cuts the second paragraph, adds one on top. */
function setup() {
  let p = sampleProject();
  const a1 = p.articles[0];
  const withVerdict = { ...makeClaim('c4', a1, 'The strikes have killed at least 75 people'), verdict: { levelId: 'true', rationale: '', conclusion: '' } };
  p = { ...p, claims: [...p.claims, withVerdict] };
  const version = versionOf(['Update: figures revised.', 'The strikes have killed at least 80 people.', 'A new closing paragraph.']);
  return { p, version };
}

const unhistory = (p: Project) => ({ ...p, history: [] });

describe('updateArticle / reanchorClaim operations', () => {
  it('plans the update with a summary and applies it in one undoable step', () => {
    const { p, version } = setup();
    const plan = planArticleUpdate(p, 'a1', version, '2026-11-26T09:00:00.000Z');
    expect(plan.summary).toEqual({ exact: 0, moved: 0, changed: 2, orphaned: 1 });
    expect(OperationSchema.parse(plan.op)).toEqual(plan.op);
    const after = apply(p, plan.op);
    const article = after.articles[0];
    expect(article.text).toBe(version.text);
    expect(article.previousVersions).toHaveLength(1);
    expect(article.previousVersions[0].text).toBe(p.articles[0].text);
    const byId = new Map(after.claims.map((c) => [c.id, c]));
    expect(after.claims).toHaveLength(p.claims.length); // nothing dropped
    expect(byId.get('c1')!.anchor).toMatchObject({ status: 'changed', changes: ['number'], oldQuote: 'at least 75 people' });
    expect(byId.get('c1')!.anchor!.proposed!.quote.exact).toBe('at least 80 people');
    expect(byId.get('c1')!.needsRecheck).toBeUndefined(); // no verdict yet
    expect(byId.get('c4')!.needsRecheck).toBe(true); // verdict given, wording changed
    expect(byId.get('c3')!.anchor).toMatchObject({ status: 'orphaned', oldQuote: 'halted intelligence sharing' });
    expect(byId.get('c3')!.target).toEqual(p.claims[2].target);
    expect(byId.get('c2')).toEqual(p.claims[1]); // other article untouched
    expect(describeOperation(plan.op)).toBe('Update article');

    // invert restores everything, and the project file round-trips
    expect(apply(after, invert(p, plan.op))).toEqual(p);
    const parsed = parseProjectFile(serializeProject({ ...after, history: [] }));
    expect(parsed.ok && parsed.project.articles[0].previousVersions).toHaveLength(1);
  });

  it('undo through the history restores the old text and claims', () => {
    const { p, version } = setup();
    const plan = planArticleUpdate(p, 'a1', version, '2026-11-26T09:00:00.000Z');
    const done = commitChange(p, { kind: 'do', op: plan.op }, meta(0)).project;
    const undone = commitChange(done, { kind: 'undo' }, meta(1)).project;
    expect(unhistory(undone)).toEqual(unhistory(p));
    const redone = commitChange(undone, { kind: 'redo' }, meta(2)).project;
    expect(unhistory(redone)).toEqual(unhistory(done));
  });

  it('accept / re-target / keep orphaned are reanchorClaim steps with their own labels and inverses', () => {
    const { p, version } = setup();
    const after = apply(p, planArticleUpdate(p, 'a1', version, 'now').op);
    const c1 = after.claims.find((c) => c.id === 'c1')!;
    const accept = { type: 'reanchorClaim' as const, claim: acceptProposedSpan(c1) };
    const accepted = apply(after, accept);
    const a = accepted.claims.find((c) => c.id === 'c1')!;
    expect(after.articles[0].text.slice(a.target.position.start, a.target.position.end)).toBe('at least 80 people');
    expect(a.anchor).toMatchObject({ status: 'changed', decision: 'accepted', oldQuote: 'at least 75 people' });
    expect(a.anchor!.proposed).toBeUndefined();
    expect(describeOperation(accept)).toBe('Accept new claim span');
    expect(apply(accepted, invert(after, accept))).toEqual(after);

    const text = after.articles[0].text;
    const start = text.indexOf('killed at least 80');
    const re = { type: 'reanchorClaim' as const, claim: retargetClaim(c1, text, start, start + 'killed at least 80'.length, after.ratingScale) };
    expect(describeOperation(re)).toBe('Re-target claim');
    expect(apply(after, re).claims.find((c) => c.id === 'c1')!.target.quote.exact).toBe('killed at least 80');

    const keep = { type: 'reanchorClaim' as const, claim: keepOrphaned(c1) };
    const kept = apply(after, keep).claims.find((c) => c.id === 'c1')!;
    expect(kept.anchor).toMatchObject({ status: 'orphaned', decision: 'keptOrphaned', oldQuote: 'at least 75 people' });
    expect(kept.target).toEqual(c1.target);
    expect(describeOperation(keep)).toBe('Keep claim orphaned');
    expect(apply(apply(after, keep), invert(after, keep))).toEqual(after);

    const c4 = after.claims.find((c) => c.id === 'c4')!;
    const rechecked = { type: 'reanchorClaim' as const, claim: { claimId: 'c4', target: c4.target, anchor: c4.anchor ?? null, needsRecheck: false } };
    expect(describeOperation(rechecked)).toBe('Mark claim re-checked');
    expect(apply(after, rechecked).claims.find((c) => c.id === 'c4')!.needsRecheck).toBe(false);
  });

  it('rejects unknown ids and spans outside the text', () => {
    const { p, version } = setup();
    const plan = planArticleUpdate(p, 'a1', version, 'now');
    expect(() => apply(p, { ...plan.op, articleId: 'nope' })).toThrow(/No article/);
    expect(() => apply(p, { ...plan.op, claims: [{ ...plan.op.claims[0], claimId: 'c2' }] })).toThrow(/not in article/);
    const bad = { ...plan.op.claims[0], target: { ...plan.op.claims[0].target, position: { start: 0, end: 10_000 } } };
    expect(() => apply(p, { ...plan.op, claims: [bad] })).toThrow(/outside/);
  });
});
