import { describe, expect, it } from 'vitest';
import { compareNames, extractNames } from '../../../../shared/archive/entities';
import { profileClaim } from '../../../../shared/archive/features';
import { extractNumbers, sameNumber } from '../../../../shared/archive/numbers';
import { indexTerms } from '../../../../shared/archive/words';

const values = (text: string) => extractNumbers(text).map((n) => Math.round(n.value * 100) / 100);

describe('extractNumbers', () => {
  it('reads numbers however they are written, with offsets into the text', () => {
    expect(values('4,000 people')).toEqual([4000]);
    expect(values('four thousand people')).toEqual([4000]);
    expect(values('£2bn and 1.5 million')).toEqual([2e9, 1.5e6]);
    expect(values('seventy-five percent')).toEqual([75]);
    const text = 'In 2019 about 75% voted';
    const [year, share] = extractNumbers(text);
    expect(text.slice(year!.start, year!.end)).toBe('2019');
    expect(share!.value).toBe(75);
  });

  it('compares numbers written differently as the same, and different numbers as different', () => {
    const [a] = extractNumbers('4,000');
    const [b] = extractNumbers('four thousand');
    const [c] = extractNumbers('5,000');
    expect(sameNumber(a!, b!)).toBe(true);
    expect(sameNumber(a!, c!)).toBe(false);
  });

  it('lets "four thousand" and "4,000" meet in the index', () => {
    const words = indexTerms('four thousand jobs');
    const digits = indexTerms('4,000 jobs');
    expect(words.filter((t) => digits.includes(t)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('extractNames', () => {
  it('finds places and people, folds aliases and drops titles', () => {
    const names = extractNames('President Biden said the U.S. spends more than New Zealand').map((n) => n.name);
    expect(names).toContain('biden');
    expect(names).toContain('united states');
    expect(names).toContain('new zealand');
  });

  it('tells a shared name, a missing one and a clashing one apart', () => {
    const nz = profileClaim('Pensions in New Zealand are paid to everyone');
    expect(compareNames(nz.names, profileClaim('Everyone in New Zealand gets a pension'))).toMatchObject({ shared: 1, unmatched: 0, clashing: 0 });
    expect(compareNames(nz.names, profileClaim('Pensions in Wisconsin are paid to everyone'))).toMatchObject({ shared: 0, unmatched: 1 });
    const peru = profileClaim('Deforestation in the Peruvian Amazon doubled');
    expect(compareNames(peru.names, profileClaim('Deforestation in the Brazilian Amazon doubled')).clashing).toBe(1);
  });
});
