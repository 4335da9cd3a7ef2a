import { describe, expect, it } from 'vitest';
import {
  articleById,
  claimById,
  claimsForArticle,
  claimsInReadingOrder,
  levelById,
  linksForClaim,
  linksForSource,
  sourceById,
} from '../../../shared/claims';
import { blockStarts, countWords, joinBlocks } from '../../../shared/articles/canonicalText';
import { DEFAULT_RATING_SCALE, defaultRatingScale } from '../../../shared/scales/defaultScale';
import { RatingScaleSchema } from '../../../shared/model';
import { newId } from '../../../shared/ids';
import { sampleProject } from './helpers';

describe('claims selectors', () => {
  const p = sampleProject();
  it('select by article, claim and source', () => {
    expect(claimsForArticle(p, 'a1').map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(claimsForArticle(p, 'zz')).toEqual([]);
    expect(linksForClaim(p, 'c1').map((l) => l.id)).toEqual(['l1', 'l3']);
    expect(linksForSource(p, 's2').map((l) => l.id)).toEqual(['l3', 'l4']);
    expect(sourceById(p, 's3')?.title).toBe('Source s3');
    expect(sourceById(p, 'zz')).toBeUndefined();
    expect(articleById(p, 'a2')?.metadata.title).toBe('Budget');
    expect(claimById(p, 'c2')?.articleId).toBe('a2');
  });

  it('orders claims as they appear in the text', () => {
    const [c1, , c3] = p.claims;
    expect(claimsInReadingOrder([c3, c1]).map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('finds rating levels', () => {
    expect(levelById(p.ratingScale, 'half-true')?.label).toBe('Half true');
    expect(levelById(p.ratingScale, null)).toBeUndefined();
    expect(levelById(p.ratingScale, 'nope')).toBeUndefined();
  });
});

describe('default rating scale', () => {
  it('has the six levels in order, valid and distinct', () => {
    expect(RatingScaleSchema.parse(DEFAULT_RATING_SCALE)).toEqual(DEFAULT_RATING_SCALE);
    expect(DEFAULT_RATING_SCALE.levels.map((l) => [l.id, l.label, l.rating])).toEqual([
      ['true', 'True', 5],
      ['mostly-true', 'Mostly true', 4],
      ['half-true', 'Half true', 3],
      ['mostly-false', 'Mostly false', 2],
      ['false', 'False', 1],
      ['unproven', 'Unproven', null],
    ]);
    expect(new Set(DEFAULT_RATING_SCALE.levels.map((l) => l.color)).size).toBe(6);
    expect(DEFAULT_RATING_SCALE.levels.every((l) => l.description.length > 10)).toBe(true);
  });

  it('hands out independent copies', () => {
    const copy = defaultRatingScale();
    copy.levels[0].label = 'Changed';
    expect(DEFAULT_RATING_SCALE.levels[0].label).toBe('True');
  });
});

describe('canonical text', () => {
  const blocks = [{ text: 'Title' }, { text: 'First paragraph.' }, { text: '' }, { text: 'Last 😀.' }];
  it('joins blocks with blank lines and knows where each starts', () => {
    const text = joinBlocks(blocks);
    expect(text).toBe('Title\n\nFirst paragraph.\n\n\n\nLast 😀.');
    const starts = blockStarts(blocks);
    expect(starts).toEqual([0, 7, 25, 27]);
    blocks.forEach((b, i) => expect(text.slice(starts[i], starts[i] + b.text.length)).toBe(b.text));
    expect(joinBlocks([])).toBe('');
    expect(blockStarts([])).toEqual([]);
  });

  it('counts words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('Petro’s order — at least 75 people, well-known.')).toBe(7);
    expect(countWords('Niños y niñas: ¡hola!')).toBe(4);
  });
});

describe('newId', () => {
  it('makes prefixed unique ids', () => {
    const a = newId('claim');
    expect(a).toMatch(/^claim-[0-9a-f-]{36}$/);
    expect(newId('claim')).not.toBe(a);
  });
});
