import { describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/operations';
import { reviewWarnings } from '../../../../shared/workflow/warnings';
import { buildClaimIndex, filterClaims, overviewCounts } from '../../../../shared/workflow/overview';
import { sampleProject, withVerdicts } from '../helpers';

describe('warnings', () => {
  it('no source', () => {
    const p = sampleProject();
    const bare = { ...p, links: p.links.filter((l) => l.claimId !== 'c1') };
    expect(reviewWarnings(bare, bare.claims[0]).map((w) => w.code)).toContain('no-source');
    expect(reviewWarnings(p, p.claims[0]).map((w) => w.code)).not.toContain('no-source');
  });

  it('a verdict whose sources all point the other way', () => {
    const p = withVerdicts({ c1: 'mostly-false' });
    // c1 has links l1, l3, both "supports".
    expect(reviewWarnings(p, p.claims[0]).map((w) => w.code)).toContain('opposite-sources');
    const mixed = { ...p, links: p.links.map((l) => (l.id === 'l3' ? { ...l, stance: 'refutes' as const } : l)) };
    expect(reviewWarnings(mixed, mixed.claims[0]).map((w) => w.code)).not.toContain('opposite-sources');
    const trueAllRefute = withVerdicts({ c1: 'true' });
    const refuting = { ...trueAllRefute, links: trueAllRefute.links.map((l) => ({ ...l, stance: 'refutes' as const })) };
    expect(reviewWarnings(refuting, refuting.claims[0]).map((w) => w.message).join()).toMatch(/leans true/);
    const unproven = withVerdicts({ c1: 'unproven' });
    expect(reviewWarnings(unproven, unproven.claims[0]).map((w) => w.code)).not.toContain('opposite-sources');
  });

  it('article wording changed after the verdict (needsRecheck, or the quote is gone)', () => {
    const p = withVerdicts({ c1: 'false' });
    expect(reviewWarnings(p, p.claims[0]).map((w) => w.code)).not.toContain('wording-changed');
    const flagged = { ...p.claims[0], needsRecheck: true } as Project['claims'][number];
    expect(reviewWarnings(p, flagged).map((w) => w.code)).toContain('wording-changed');
    const changed = { ...p, articles: p.articles.map((a) => (a.id === 'a1' ? { ...a, text: a.text.replace('at least 75 people', 'some people') } : a)) };
    expect(reviewWarnings(changed, changed.claims[0]).map((w) => w.code)).toContain('wording-changed');
  });
});

describe('overview', () => {
  it('counts, filters, sorts and searches', () => {
    const base = withVerdicts({ c1: 'false', c2: 'false' });
    const p: Project = {
      ...base,
      claims: base.claims.map((c, i) => ({ ...c, state: i === 0 ? 'approved' : 'draft', claimant: ['Petro', 'Minister', 'Petro'][i], tags: i === 2 ? ['security'] : [], assignee: i === 1 ? 'A' : '' })),
      sources: base.sources.map((s) => (s.id === 's2' ? { ...s, title: 'Intelligence cooperation report' } : s)),
    };
    const counts = overviewCounts(p);
    expect(counts.byState.approved).toBe(1);
    expect(counts.byState.draft).toBe(2);
    expect(counts.byVerdict).toEqual({ false: 2, none: 1 });
    expect(filterClaims(p, { state: 'draft' }).map((c) => c.id)).toEqual(['c3', 'c2']);
    expect(filterClaims(p, { verdict: 'none' }).map((c) => c.id)).toEqual(['c3']);
    expect(filterClaims(p, { claimant: 'Petro' }).map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(filterClaims(p, { tag: 'security' }).map((c) => c.id)).toEqual(['c3']);
    expect(filterClaims(p, { assignee: 'A' }).map((c) => c.id)).toEqual(['c2']);
    expect(filterClaims(p, { query: 'cooperation' }, 'article', buildClaimIndex(p)).map((c) => c.id).sort()).toEqual(['c1', 'c3']);
    expect(filterClaims(p, { query: 'budget gr' }).map((c) => c.id)).toEqual([]);
    expect(filterClaims(p, { query: 'grew' }).map((c) => c.id)).toEqual(['c2']);
  });

  it('sorts by each column in its own order, whatever the order of the project', () => {
    const base = withVerdicts({ c1: 'false', c2: null, c3: 'true' });
    const fields: Record<string, Partial<Project['claims'][number]>> = {
      c1: { state: 'approved', claimant: 'Petro', createdAt: '2026-11-25T09:00:00.000Z' },
      c2: { state: 'draft', claimant: 'Minister', createdAt: '2026-11-25T11:00:00.000Z' },
      c3: { state: 'researching', claimant: 'Anna', createdAt: '2026-11-25T10:00:00.000Z' },
    };
    const p: Project = { ...base, claims: base.claims.map((c) => ({ ...c, ...fields[c.id] })) };
    const sorted = (sort: Parameters<typeof filterClaims>[2]) => filterClaims(p, {}, sort).map((c) => c.id);
    // Each expected order differs from the project's order (c1, c2, c3) and from every other one.
    expect(sorted('article')).toEqual(['c1', 'c3', 'c2']);
    expect(sorted('state')).toEqual(['c2', 'c3', 'c1']);
    expect(sorted('verdict')).toEqual(['c3', 'c1', 'c2']);
    expect(sorted('claimant')).toEqual(['c3', 'c2', 'c1']);
    expect(sorted('created')).toEqual(['c2', 'c3', 'c1']);
  });
});
