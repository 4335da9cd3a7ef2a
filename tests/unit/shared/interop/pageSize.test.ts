import { describe, expect, it } from 'vitest';
import { pageCss, pageSizeForLocale } from '../../../../shared/interop/pageSize';

describe('report paper size', () => {
  it('is Letter in the US and Canada (also from POSIX locale names and bare languages), A4 elsewhere and when the locale says nothing', () => {
    expect(pageSizeForLocale('en-US')).toBe('letter');
    expect(pageSizeForLocale('en_CA.UTF-8')).toBe('letter');
    expect(pageSizeForLocale('en')).toBe('letter');
    expect(pageSizeForLocale('en-GB')).toBe('a4');
    expect(pageSizeForLocale('de_DE.UTF-8')).toBe('a4');
    expect(pageSizeForLocale('fr')).toBe('a4');
    expect(pageSizeForLocale('C')).toBe('a4');
    expect(pageSizeForLocale(undefined)).toBe('a4');
    expect(pageSizeForLocale('not a locale!')).toBe('a4');
  });

  it('names the paper in the report’s @page rule', () => {
    expect(pageCss('letter')).toContain('size:letter');
    expect(pageCss('a4')).toContain('size:A4');
  });
});
