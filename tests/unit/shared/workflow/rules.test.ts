import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../../shared/history';
import { apply, leavesOf, type Change, type Operation, type Project } from '../../../../shared/operations';
import { approvalChecks, availableSteps, checkChangeAllowed, overrideOffered, reviewOperation, whyNot } from '../../../../shared/workflow/rules';
import { approvalLine, dayLabel, requestLine, reviewRecords } from '../../../../shared/workflow/reviewRecord';
import { stampAuthor } from '../../../../shared/workflow/stampAuthor';
import { makeClaim, meta, sampleProject } from '../helpers';

type State = Project['claims'][number]['state'];

/** The sample project with c1 in `state`, with a verdict unless `verdict` is null, and its two sources unless `sources` is false. */
function withState(state: State, { verdict = 'false' as string | null, sources = true } = {}): Project {
  const p = sampleProject();
  return {
    ...p,
    claims: p.claims.map((c) => (c.id === 'c1' ? { ...c, state, verdict: { ...c.verdict, levelId: verdict } } : c)),
    links: sources ? p.links : p.links.filter((l) => l.claimId !== 'c1'),
  };
}

const doing = (op: Operation): Change => ({ kind: 'do', op });
const comment = (text: string) => ({ id: 'm1', claimId: 'c1', author: 'B', at: '2026-11-28T10:00:00.000Z', text });

/** Commits changes with the rules checked first, as the main side does; throws the refusal. */
function run(project: Project, role: 'checker' | 'editor', ...changes: Change[]): Project {
  let p = project;
  changes.forEach((change, i) => {
    const refused = checkChangeAllowed(p, change, role);
    if (refused) throw new Error(refused);
    p = commitChange(p, change, { ...meta(i + 1), author: role === 'editor' ? 'Bo Lindqvist' : 'Ana Checker' }).project;
  });
  return p;
}

describe('review steps offered', () => {
  it('offers Approve only to an editor, only for a claim Ready for review with a verdict and a source; Reopen only to an editor', () => {
    const labels = (project: Project, role: 'checker' | 'editor') => availableSteps(project.claims[0], role, project).map((s) => s.label);
    expect(labels(withState('researching'), 'checker')).toEqual(['Ready for review']);
    expect(labels(withState('readyForReview'), 'checker')).toEqual([]);
    expect(labels(withState('readyForReview'), 'editor')).toEqual(['Request changes', 'Approve']);
    expect(labels(withState('readyForReview', { verdict: null }), 'editor')).toEqual(['Request changes']);
    expect(labels(withState('readyForReview', { sources: false }), 'editor')).toEqual(['Request changes']);
    expect(labels(withState('researching'), 'editor')).toEqual(['Ready for review']);
    expect(labels(withState('changesRequested'), 'checker')).toEqual(['Ready for review']);
    expect(labels(withState('approved'), 'checker')).toEqual([]);
    expect(labels(withState('approved'), 'editor')).toEqual(['Reopen']);
  });

  it('offers the override where a check an override may skip fails, never without a verdict', () => {
    expect(overrideOffered(withState('researching'), withState('researching').claims[0], 'editor')).toBe(true);
    expect(overrideOffered(withState('readyForReview', { sources: false }), withState('readyForReview', { sources: false }).claims[0], 'editor')).toBe(true);
    expect(overrideOffered(withState('readyForReview'), withState('readyForReview').claims[0], 'editor')).toBe(false);
    expect(overrideOffered(withState('researching', { verdict: null }), withState('researching', { verdict: null }).claims[0], 'editor')).toBe(false);
    expect(overrideOffered(withState('researching'), withState('researching').claims[0], 'checker')).toBe(false);
    expect(approvalChecks(withState('draft', { sources: false }), withState('draft', { sources: false }).claims[0])).toEqual({
      noVerdict: false,
      failing: ['readyForReview', 'sources'],
    });
  });

  it('explains why a step is not possible', () => {
    expect(whyNot({ state: 'readyForReview' }, 'approve', 'checker')).toMatch(/Only an editor may approve/);
    expect(whyNot({ state: 'approved' }, 'reopen', 'checker')).toMatch(/Only an editor may reopen/);
    expect(whyNot({ state: 'approved' }, 'submit', 'checker')).toMatch(/not possible while the claim is approved/);
    expect(whyNot({ state: 'readyForReview' }, 'approve', 'editor')).toBeNull();
  });
});

describe('the approval gate', () => {
  it('refuses an approval without a verdict, even with an override', () => {
    const p = withState('readyForReview', { verdict: null });
    expect(checkChangeAllowed(p, doing(reviewOperation('c1', 'approve')), 'editor')).toMatch(/without a verdict/);
    const override = { reason: 'Urgent', skipped: ['readyForReview' as const] };
    expect(checkChangeAllowed(withState('researching', { verdict: null }), doing(reviewOperation('c1', 'approve', undefined, override)), 'editor')).toMatch(
      /without a verdict/,
    );
  });

  it('refuses an approval outside "Ready for review" or without a source, unless an override names exactly those checks with a reason', () => {
    expect(checkChangeAllowed(withState('researching'), doing(reviewOperation('c1', 'approve')), 'editor')).toMatch(/only once the claim is Ready for review/);
    expect(checkChangeAllowed(withState('draft'), doing(reviewOperation('c1', 'approve')), 'editor')).toMatch(/it is a draft/);
    expect(checkChangeAllowed(withState('readyForReview', { sources: false }), doing(reviewOperation('c1', 'approve')), 'editor')).toMatch(/at least one source/);
    expect(checkChangeAllowed(withState('readyForReview'), doing(reviewOperation('c1', 'approve')), 'editor')).toBeNull();

    const approveWith = (skipped: ('readyForReview' | 'sources')[], reason = 'Published under deadline') =>
      doing(reviewOperation('c1', 'approve', undefined, { reason, skipped }));
    expect(checkChangeAllowed(withState('researching'), approveWith(['readyForReview']), 'editor')).toBeNull();
    expect(checkChangeAllowed(withState('draft', { sources: false }), approveWith(['readyForReview', 'sources']), 'editor')).toBeNull();
    expect(checkChangeAllowed(withState('draft', { sources: false }), approveWith(['readyForReview']), 'editor')).toMatch(/name exactly the checks/);
    expect(checkChangeAllowed(withState('researching'), approveWith(['readyForReview'], '   '), 'editor')).toMatch(/needs a reason/);
    expect(checkChangeAllowed(withState('readyForReview'), approveWith(['sources']), 'editor')).toMatch(/Nothing to override/);
    expect(checkChangeAllowed(withState('researching'), approveWith(['readyForReview']), 'checker')).toMatch(/Only an editor may approve/);
    expect(checkChangeAllowed(withState('approved'), approveWith(['readyForReview']), 'editor')).toMatch(/already approved/);
  });

  it('only an editor requests changes, and only with a comment; only an editor reopens', () => {
    const ready = withState('readyForReview');
    expect(checkChangeAllowed(ready, doing(reviewOperation('c1', 'requestChanges', comment('Cite page 2'))), 'checker')).toMatch(/Only an editor/);
    expect(checkChangeAllowed(ready, doing(reviewOperation('c1', 'requestChanges')), 'editor')).toMatch(/needs a comment/);
    expect(checkChangeAllowed(ready, doing(reviewOperation('c1', 'requestChanges', comment('Cite page 2'))), 'editor')).toBeNull();
    expect(checkChangeAllowed(withState('approved'), doing(reviewOperation('c1', 'reopen')), 'checker')).toMatch(/Only an editor may reopen/);
    expect(checkChangeAllowed(withState('approved'), doing(reviewOperation('c1', 'reopen')), 'editor')).toBeNull();
  });
});

describe('the review gate below the UI', () => {
  it('no new change sets a state except a named review step', () => {
    const p = withState('readyForReview');
    for (const role of ['checker', 'editor'] as const) {
      expect(checkChangeAllowed(p, doing({ type: 'changeState', claimId: 'c1', state: 'approved' }), role)).toMatch(/only through the review steps/);
      expect(checkChangeAllowed(p, doing({ type: 'editClaim', claimId: 'c1', changes: { state: 'approved' } }), role)).toMatch(/only through the review steps/);
      expect(checkChangeAllowed(p, doing({ type: 'changeState', claimId: 'c1', state: 'approved', action: 'submit' }), role)).toMatch(/another state/);
    }
  });

  it('a new claim starts where a checker can bring it, and is never added approved (not even by the reducer)', () => {
    const p = sampleProject();
    const claim = (state: State) => ({ ...makeClaim('c9', p.articles[0], 'at least 75 people'), state });
    expect(checkChangeAllowed(p, doing({ type: 'addClaim', claim: claim('draft') }), 'checker')).toBeNull();
    for (const role of ['checker', 'editor'] as const) {
      expect(checkChangeAllowed(p, doing({ type: 'addClaim', claim: claim('approved') }), role)).toMatch(/cannot be added as approved/);
      expect(checkChangeAllowed(p, doing({ type: 'addClaim', claim: claim('changesRequested') }), role)).toMatch(/starts as a draft/);
      expect(
        checkChangeAllowed(p, doing({ type: 'addArticle', article: { ...p.articles[0], id: 'a9' }, claims: [{ ...claim('approved'), articleId: 'a9' }] }), role),
      ).toMatch(/cannot be added as approved/);
    }
    expect(() => apply(p, { type: 'addClaim', claim: claim('approved') })).toThrow(/cannot be added as approved/);
  });

  it('a claim deleted while changes were requested comes back as it was with an undo, also for a checker', () => {
    const p = run(withState('changesRequested'), 'checker', doing({ type: 'deleteClaim', claimId: 'c1' }), { kind: 'undo' });
    expect(p.claims.find((c) => c.id === 'c1')?.state).toBe('changesRequested');
  });

  it('a checker can neither undo nor redo an editor’s approval, request or reopening; the refusal says why', () => {
    const approved = run(withState('readyForReview'), 'editor', doing(reviewOperation('c1', 'approve')));
    expect(checkChangeAllowed(approved, { kind: 'undo' }, 'checker')).toBe('Only an editor may undo an approval. Switch your role in Settings.');
    const undone = run(approved, 'editor', { kind: 'undo' });
    expect(undone.claims[0].state).toBe('readyForReview');
    expect(checkChangeAllowed(undone, { kind: 'redo' }, 'checker')).toMatch(/Only an editor may redo an approval/);
    expect(checkChangeAllowed(undone, { kind: 'redo' }, 'editor')).toBeNull();

    const reopened = run(approved, 'editor', doing(reviewOperation('c1', 'reopen')));
    expect(checkChangeAllowed(reopened, { kind: 'undo' }, 'checker')).toMatch(/Only an editor may undo a reopening/);

    const requested = run(withState('readyForReview'), 'editor', doing(reviewOperation('c1', 'requestChanges', comment('Which page?'))));
    expect(checkChangeAllowed(requested, { kind: 'undo' }, 'checker')).toMatch(/Only an editor may undo a request for changes/);

    // A checker's own step is theirs to undo.
    const submitted = run(withState('researching'), 'checker', doing(reviewOperation('c1', 'submit')));
    expect(checkChangeAllowed(submitted, { kind: 'undo' }, 'checker')).toBeNull();
  });

  it('a replayed move into or out of "approved" needs an editor even without a named step (histories written before steps were named)', () => {
    let p = withState('readyForReview');
    p = commitChange(p, doing({ type: 'changeState', claimId: 'c1', state: 'approved' }), meta(1)).project;
    expect(checkChangeAllowed(p, { kind: 'undo' }, 'checker')).toMatch(/takes back an approval/);
    p = commitChange(p, { kind: 'undo' }, meta(2)).project;
    expect(checkChangeAllowed(p, { kind: 'redo' }, 'checker')).toMatch(/approves a claim/);
  });

  it('re-anchoring or editing an approved claim is refused by the lock; corrections and its fact-check URL stay open', () => {
    const p = withState('approved');
    const claim = p.claims[0];
    const target = { claimId: 'c1', target: claim.target, anchor: null, needsRecheck: false };
    expect(() => apply(p, { type: 'reanchorClaim', claim: target })).toThrow(/approved and locked/);
    expect(() => apply(p, { type: 'editClaim', claimId: 'c1', changes: { statement: 'x' } })).toThrow(/approved and locked/);
    const published = apply(p, { type: 'editClaim', claimId: 'c1', changes: { factCheckUrl: 'https://checks.example.org/c1' } });
    expect(published.claims[0].factCheckUrl).toBe('https://checks.example.org/c1');
    const corrected = apply(p, { type: 'addCorrection', correction: { id: 'f1', claimId: 'c1', author: 'B', at: '2026-11-28T10:00:00.000Z', text: 'Fixed the date.' } });
    expect(corrected.corrections).toHaveLength(1);
  });

  it('checks each change of a batch against the state the leaves before it leave', () => {
    // Submit then approve in one batch: the approval sees the claim Ready for review.
    const p = withState('researching');
    const batch = doing({ type: 'batch', ops: [...leavesOf(reviewOperation('c1', 'submit')), ...leavesOf(reviewOperation('c1', 'approve'))] });
    expect(checkChangeAllowed(p, batch, 'editor')).toBeNull();
    const noVerdict = withState('researching', { verdict: null });
    expect(checkChangeAllowed(noVerdict, { ...batch }, 'editor')).toMatch(/without a verdict/);
  });

  it('stamps the author on posted comments and corrections', () => {
    const op = reviewOperation('c1', 'requestChanges', { id: 'm1', claimId: 'c1', author: 'spoofed', at: 't', text: 'Why?' });
    const stamped = stampAuthor({ kind: 'do', op }, 'B');
    expect(stamped.kind === 'do' && stamped.op.type === 'batch' && stamped.op.ops[1]).toMatchObject({ comment: { author: 'B' } });
    const correction = stampAuthor(doing({ type: 'addCorrection', correction: { id: 'f1', claimId: 'c1', author: 'spoofed', at: 't', text: 'x' } }), 'B');
    expect(correction.kind === 'do' && correction.op).toMatchObject({ correction: { author: 'B' } });
  });
});

describe('review records', () => {
  it('say who approved or asked for changes, when, with the override or the request, while the claim is in that state', () => {
    let p = run(withState('readyForReview'), 'editor', doing(reviewOperation('c1', 'requestChanges', comment('Cite page 2 of the briefing.'))));
    let record = reviewRecords(p).get('c1');
    expect(record?.request).toMatchObject({ by: 'Bo Lindqvist', comment: 'Cite page 2 of the briefing.' });
    expect(requestLine(record?.request)).toBe(`Changes requested by Bo Lindqvist, ${dayLabel(record!.request!.at)}`);

    p = run(p, 'checker', doing(reviewOperation('c1', 'submit')));
    expect(reviewRecords(p).get('c1')).toBeUndefined();
    p = run(p, 'editor', doing(reviewOperation('c1', 'approve')));
    record = reviewRecords(p).get('c1');
    expect(record?.approval).toMatchObject({ by: 'Bo Lindqvist' });
    expect(approvalLine({ by: 'Bo Lindqvist', at: '2026-11-28T10:14:09.000Z' })).toBe('Approved by Bo Lindqvist, 28 Nov 2026');
    // An undone approval is no approval.
    p = run(p, 'editor', { kind: 'undo' });
    expect(reviewRecords(p).get('c1')).toBeUndefined();

    p = run(withState('researching'), 'editor', doing(reviewOperation('c1', 'approve', undefined, { reason: 'Deadline', skipped: ['readyForReview'] })));
    expect(reviewRecords(p).get('c1')?.approval?.override).toEqual({ reason: 'Deadline', skipped: ['readyForReview'] });
  });
});
