import { describe, expect, it } from 'vitest';
import { apply } from '../../../../shared/operations';
import { invert } from '../../../../shared/operations';
import type { Operation } from '../../../../shared/operations';
import { addSourceAndLink, makeArticle, makeClaim, makeLink, makeSource, sampleProject } from '../helpers';
import { roundTrip } from './roundTrip';

const p0 = sampleProject();
const a3 = makeArticle('a3', 'Third', ['Prices rose 10 percent.']);

const cases: [string, Operation][] = [
  ['renameProject', { type: 'renameProject', title: 'New title' }],
  ['addArticle', { type: 'addArticle', article: a3, index: 1 }],
  ['addArticle with claims', { type: 'addArticle', article: a3, claims: [makeClaim('c9', a3, 'rose')], links: [makeLink('l9', 'c9', 's3')] }],
  ['removeArticle (interleaved claims and links)', { type: 'removeArticle', articleId: 'a1' }],
  ['removeArticle (one claim)', { type: 'removeArticle', articleId: 'a2' }],
  ['renameArticle', { type: 'renameArticle', articleId: 'a1', title: 'Other' }],
  ['addClaim', { type: 'addClaim', claim: makeClaim('c4', p0.articles[1], 'fell to 5 percent'), index: 0 }],
  ['addClaim with links', { type: 'addClaim', claim: makeClaim('c4', p0.articles[1], 'fell'), links: [makeLink('l9', 'c4', 's1')] }],
  ['deleteClaim (with links)', { type: 'deleteClaim', claimId: 'c1' }],
  ['editClaim', { type: 'editClaim', claimId: 'c2', changes: { statement: 'S', claimant: 'Minister' } }],
  ['setVerdict', { type: 'setVerdict', claimId: 'c3', levelId: 'false', rationale: 'No.' }],
  ['addSource', { type: 'addSource', source: makeSource('s4'), index: 0 }],
  ['editSource', { type: 'editSource', sourceId: 's1', changes: { url: 'https://x.org', accessedAt: '2026-01-01' } }],
  ['removeSource', { type: 'removeSource', sourceId: 's3' }],
  ['linkSource', { type: 'linkSource', link: makeLink('l9', 'c3', 's3'), index: 2 }],
  ['editLink', { type: 'editLink', linkId: 'l3', changes: { excerpt: 'new', stance: 'context' } }],
  ['unlinkSource', { type: 'unlinkSource', linkId: 'l2' }],
];

describe('invert', () => {
  it.each(cases)('undoes %s exactly', (_name, op) => {
    roundTrip(sampleProject(), op);
  });

  it('edits revert exactly the changed keys', () => {
    const p = sampleProject();
    expect(invert(p, { type: 'editClaim', claimId: 'c2', changes: { claimant: 'X' } })).toEqual({
      type: 'editClaim',
      claimId: 'c2',
      changes: { claimant: '' },
    });
    expect(invert(p, { type: 'editSource', sourceId: 's2', changes: { title: 'T' } })).toEqual({
      type: 'editSource',
      sourceId: 's2',
      changes: { title: 'Source s2' },
    });
    expect(invert(p, { type: 'setVerdict', claimId: 'c1', levelId: 'true' })).toEqual({
      type: 'setVerdict',
      claimId: 'c1',
      levelId: null,
    });
  });

  it('pairs add and remove with the index', () => {
    const p = sampleProject();
    expect(invert(p, { type: 'addSource', source: makeSource('s4') })).toEqual({ type: 'removeSource', sourceId: 's4' });
    expect(invert(p, { type: 'unlinkSource', linkId: 'l3' })).toEqual({ type: 'linkSource', link: p.links[2], index: 2 });
    const withA3 = apply(p, { type: 'addArticle', article: a3, index: 1 });
    expect(invert(withA3, { type: 'removeArticle', articleId: 'a3' })).toEqual({ type: 'addArticle', article: a3, index: 1 });
  });

  it('inverts a batch against the state at each step, in reverse order', () => {
    const p = sampleProject();
    const op: Operation = {
      type: 'batch',
      label: 'Add source',
      ops: [
        ...addSourceAndLink('s4', 'l5', 'c2'),
        { type: 'editSource', sourceId: 's4', changes: { title: 'Renamed' } },
        { type: 'deleteClaim', claimId: 'c2' },
      ],
    };
    const inverse = roundTrip(p, op);
    expect(inverse.type).toBe('batch');
    if (inverse.type !== 'batch') return;
    // edit inverse is computed after the add: old title is the added source's title
    expect(inverse.ops).toContainEqual({ type: 'editSource', sourceId: 's4', changes: { title: 'Source s4' } });
    expect(inverse.ops.at(-1)).toEqual({ type: 'removeSource', sourceId: 's4' });
  });

  it('inverts a batch containing removals that restore as batches (flattened)', () => {
    const op: Operation = {
      type: 'batch',
      ops: [
        { type: 'unlinkSource', linkId: 'l2' },
        { type: 'removeArticle', articleId: 'a1' },
        { type: 'removeSource', sourceId: 's1' },
      ],
    };
    const inverse = roundTrip(sampleProject(), op);
    expect(inverse.type === 'batch' && inverse.ops.every((o) => (o.type as string) !== 'batch')).toBe(true);
  });

  it('throws for an unknown id, like the reducer', () => {
    expect(() => invert(sampleProject(), { type: 'deleteClaim', claimId: 'nope' })).toThrow(/No claim/);
  });
});
