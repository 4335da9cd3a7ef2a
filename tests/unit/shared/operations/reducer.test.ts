import { describe, expect, it } from 'vitest';
import { apply } from '../../../../shared/operations';
import { OperationError, type Operation } from '../../../../shared/operations';
import { addSourceAndLink, makeArticle, makeClaim, makeLink, makeSource, sampleProject } from '../helpers';

describe('apply', () => {
  it('renames the project without touching anything else', () => {
    const p = sampleProject();
    const next = apply(p, { type: 'renameProject', title: 'Renamed' });
    expect(next.title).toBe('Renamed');
    expect(next.claims).toBe(p.claims);
    expect(p.title).toBe('Sample');
  });

  it('adds an article at an index (clamped) or at the end', () => {
    const p = sampleProject();
    const a3 = makeArticle('a3', 'Third', ['Hello.']);
    expect(apply(p, { type: 'addArticle', article: a3 }).articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(apply(p, { type: 'addArticle', article: a3, index: 0 }).articles.map((a) => a.id)).toEqual(['a3', 'a1', 'a2']);
    expect(apply(p, { type: 'addArticle', article: a3, index: 99 }).articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(p.articles).toHaveLength(2);
  });

  it('adds an article together with its claims and links', () => {
    const p = sampleProject();
    const a3 = makeArticle('a3', 'Third', ['Prices rose 10 percent.']);
    const c9 = makeClaim('c9', a3, 'rose 10 percent');
    const next = apply(p, { type: 'addArticle', article: a3, claims: [c9], links: [makeLink('l9', 'c9', 's3')] });
    expect(next.claims.at(-1)).toEqual(c9);
    expect(next.links.at(-1)?.id).toBe('l9');
    const foreign = { ...c9, articleId: 'a1' };
    expect(() => apply(p, { type: 'addArticle', article: a3, claims: [foreign] })).toThrow(OperationError);
  });

  it('removes an article with its claims and their links', () => {
    const next = apply(sampleProject(), { type: 'removeArticle', articleId: 'a1' });
    expect(next.articles.map((a) => a.id)).toEqual(['a2']);
    expect(next.claims.map((c) => c.id)).toEqual(['c2']);
    expect(next.links.map((l) => l.id)).toEqual(['l2']);
    expect(next.sources).toHaveLength(3);
  });

  it('renames an article (its metadata title)', () => {
    const p = sampleProject();
    const next = apply(p, { type: 'renameArticle', articleId: 'a2', title: 'Money' });
    expect(next.articles[1].metadata.title).toBe('Money');
    expect(next.articles[0]).toBe(p.articles[0]);
    expect(p.articles[1].metadata.title).toBe('Budget');
  });

  it('adds a claim inside the article text, refusing bad targets', () => {
    const p = sampleProject();
    const c4 = makeClaim('c4', p.articles[1], 'fell to 5 percent');
    expect(apply(p, { type: 'addClaim', claim: c4, index: 1 }).claims.map((c) => c.id)).toEqual(['c1', 'c4', 'c2', 'c3']);
    expect(() => apply(p, { type: 'addClaim', claim: { ...c4, articleId: 'nope' } })).toThrow(/No article/);
    expect(() => apply(p, { type: 'addClaim', claim: { ...c4, id: 'c1' } })).toThrow(/already/);
    const outside = { ...c4, target: { ...c4.target, position: { start: 10, end: p.articles[1].text.length + 1 } } };
    expect(() => apply(p, { type: 'addClaim', claim: outside })).toThrow(/outside/);
    const reversed = { ...c4, target: { ...c4.target, position: { start: 5, end: 4 } } };
    expect(() => apply(p, { type: 'addClaim', claim: reversed })).toThrow(OperationError);
  });

  it('adds a claim with its links; the links must belong to it', () => {
    const p = sampleProject();
    const c4 = makeClaim('c4', p.articles[1], 'fell to 5 percent');
    const next = apply(p, { type: 'addClaim', claim: c4, links: [makeLink('l9', 'c4', 's3')] });
    expect(next.links.at(-1)?.claimId).toBe('c4');
    expect(() => apply(p, { type: 'addClaim', claim: c4, links: [makeLink('l9', 'c1', 's3')] })).toThrow(OperationError);
  });

  it('deletes a claim and its links', () => {
    const next = apply(sampleProject(), { type: 'deleteClaim', claimId: 'c1' });
    expect(next.claims.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(next.links.map((l) => l.id)).toEqual(['l2', 'l4']);
  });

  it('edits only the given claim fields', () => {
    const p = sampleProject();
    const next = apply(p, { type: 'editClaim', claimId: 'c2', changes: { statement: 'Budget up 4%', state: 'researching' } });
    expect(next.claims[1]).toMatchObject({ statement: 'Budget up 4%', state: 'researching', claimant: '' });
    expect(next.claims[0]).toBe(p.claims[0]);
  });

  it('merges a verdict', () => {
    const p = sampleProject();
    const one = apply(p, { type: 'setVerdict', claimId: 'c1', levelId: 'mostly-true' });
    expect(one.claims[0].verdict).toEqual({ levelId: 'mostly-true', rationale: '', conclusion: '' });
    const two = apply(one, { type: 'setVerdict', claimId: 'c1', rationale: 'UN count' });
    expect(two.claims[0].verdict).toEqual({ levelId: 'mostly-true', rationale: 'UN count', conclusion: '' });
    const cleared = apply(two, { type: 'setVerdict', claimId: 'c1', levelId: null });
    expect(cleared.claims[0].verdict.levelId).toBeNull();
  });

  it('adds, edits and removes sources; refuses to remove a linked one', () => {
    const p = sampleProject();
    expect(apply(p, { type: 'addSource', source: makeSource('s4'), index: 0 }).sources[0].id).toBe('s4');
    expect(() => apply(p, { type: 'addSource', source: makeSource('s1') })).toThrow(/already/);
    expect(apply(p, { type: 'editSource', sourceId: 's2', changes: { title: 'T' } }).sources[1]).toMatchObject({ title: 'T', publisher: 'Example' });
    expect(apply(p, { type: 'removeSource', sourceId: 's3' }).sources.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(() => apply(p, { type: 'removeSource', sourceId: 's1' })).toThrow(/still linked to 2 claims/);
  });

  it('links, edits and unlinks sources', () => {
    const p = sampleProject();
    expect(apply(p, { type: 'linkSource', link: makeLink('l5', 'c3', 's3'), index: 1 }).links.map((l) => l.id)).toEqual([
      'l1', 'l5', 'l2', 'l3', 'l4',
    ]);
    expect(() => apply(p, { type: 'linkSource', link: makeLink('l5', 'cX', 's3') })).toThrow(/No claim/);
    expect(() => apply(p, { type: 'linkSource', link: makeLink('l5', 'c1', 'sX') })).toThrow(/No source/);
    expect(() => apply(p, { type: 'linkSource', link: makeLink('l1', 'c1', 's3') })).toThrow(/already/);
    expect(apply(p, { type: 'editLink', linkId: 'l2', changes: { stance: 'refutes' } }).links[1]).toMatchObject({
      stance: 'refutes',
      excerpt: 'excerpt l2',
    });
    expect(apply(p, { type: 'unlinkSource', linkId: 'l2' }).links.map((l) => l.id)).toEqual(['l1', 'l3', 'l4']);
  });

  it('applies a batch in order', () => {
    const p = sampleProject();
    const op: Operation = {
      type: 'batch',
      label: 'Add source',
      ops: addSourceAndLink('s4', 'l5', 'c2'),
    };
    const next = apply(p, op);
    expect(next.sources.at(-1)?.id).toBe('s4');
    expect(next.links.at(-1)?.id).toBe('l5');
    // out of order, the link has no source yet
    expect(() => apply(p, { ...op, ops: [op.ops[1], op.ops[0]] })).toThrow(/No source/);
  });

  it.each<Operation>([
    { type: 'removeArticle', articleId: 'x' },
    { type: 'renameArticle', articleId: 'x', title: 't' },
    { type: 'deleteClaim', claimId: 'x' },
    { type: 'editClaim', claimId: 'x', changes: {} },
    { type: 'setVerdict', claimId: 'x', levelId: 'true' },
    { type: 'editSource', sourceId: 'x', changes: {} },
    { type: 'removeSource', sourceId: 'x' },
    { type: 'editLink', linkId: 'x', changes: {} },
    { type: 'unlinkSource', linkId: 'x' },
  ])('throws OperationError for an unknown id: $type', (op) => {
    expect(() => apply(sampleProject(), op)).toThrow(OperationError);
  });

  it('refuses a duplicate article id', () => {
    const p = sampleProject();
    expect(() => apply(p, { type: 'addArticle', article: p.articles[0] })).toThrow(/already/);
  });
});
