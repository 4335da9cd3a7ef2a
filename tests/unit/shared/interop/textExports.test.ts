import { describe, expect, it } from 'vitest';
import { buildClaimReviews, CLAIM_REVIEWED_MAX } from '../../../../shared/interop/claimReview';
import { CSV_COLUMNS, csvRow, neutraliseCell, renderCsv } from '../../../../shared/interop/csv';
import { renderMarkdownReport } from '../../../../shared/interop/markdownReport';
import { fixedProject, GENERATED_AT, hostileProject, loadSample } from './helpers';

/** A small RFC 4180 parser, to read back what we wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('CSV', () => {
  it('one row per claim with the documented columns, CRLF line ends, optional BOM', () => {
    const project = loadSample();
    const text = renderCsv(project, { generatedAt: GENERATED_AT });
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(renderCsv(project, { bom: true }).startsWith('\uFEFFnumber,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(project.claims.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const first = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(first.quote).toBe('killing at least 120 people');
    expect(first.verdict).toBe('True');
    expect(first.state).toBe('approved');
    expect(first.source_urls).toContain('https://civilprotection.example.org/');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe('"a,b","say ""hi""","two\nlines",plain');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['safe = 1', 'safe = 1'],
    ['', ''],
  ])('neutralises formula cell %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('no cell of a hostile project starts a formula', () => {
    const rows = parseCsv(renderCsv(hostileProject()));
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1]).toContain(`'=HYPERLINK("http://evil.example","x")`);
  });
});

describe('ClaimReview JSON-LD', () => {
  const REQUIRED = ['claimReviewed', 'reviewRating', 'url'];
  const RECOMMENDED = ['author', 'datePublished', 'itemReviewed'];

  it('has the required and recommended fields of Google\'s fact-check markup', () => {
    const project = loadSample();
    const { items, warnings } = buildClaimReviews(project, { generatedAt: GENERATED_AT, url: 'https://checks.example.org/kessner', organisation: 'Northline Checks' });
    const withVerdict = project.claims.filter((c) => c.verdict.levelId);
    expect(items).toHaveLength(withVerdict.length);
    for (const item of items) {
      expect(item['@context']).toBe('https://schema.org');
      expect(item['@type']).toBe('ClaimReview');
      for (const key of [...REQUIRED, ...RECOMMENDED]) expect(item, key).toHaveProperty(key);
      expect(item.url).toMatch(/^https:\/\/checks\.example\.org\/kessner#claim-claim-\d+$/);
      const rating = item.reviewRating as Record<string, unknown>;
      expect(rating['@type']).toBe('Rating');
      expect(typeof rating.alternateName).toBe('string');
      expect(rating.bestRating).toBe(5);
      expect(rating.worstRating).toBe(1);
      expect(typeof rating.ratingValue).toBe('number');
      const reviewed = item.itemReviewed as Record<string, unknown>;
      expect(reviewed['@type']).toBe('Claim');
      expect((reviewed.author as Record<string, unknown>).name).toBeTruthy();
      expect(reviewed.appearance).toBeTruthy();
      expect((item.author as Record<string, unknown>).name).toBe('Northline Checks');
      expect(item.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(warnings.some((w) => /url/.test(w.message) && !w.claim)).toBe(false);
  });

  it('takes author and url from the project’s publication details, a claim’s own Fact-check URL first; options override', () => {
    const project = loadSample();
    project.publication = { organisation: 'Northline Checks', publishedAt: 'https://checks.example.org/report' };
    const own = project.claims.find((c) => c.verdict.levelId)!;
    project.claims = project.claims.map((c) => (c.id === own.id ? { ...c, factCheckUrl: 'https://checks.example.org/claims/one' } : c));
    const { items, warnings } = buildClaimReviews(project, { generatedAt: GENERATED_AT });
    for (const item of items) expect((item.author as Record<string, unknown>).name).toBe('Northline Checks');
    const urls = items.map((i) => i.url);
    expect(urls).toContain('https://checks.example.org/claims/one');
    for (const claim of project.claims.filter((c) => c.verdict.levelId && c.id !== own.id)) {
      expect(urls).toContain(`https://checks.example.org/report#claim-${claim.id}`);
    }
    expect(warnings.filter((w) => w.code === 'no-url' || w.code === 'no-organisation' || w.code === 'bad-url')).toEqual([]);
    const overridden = buildClaimReviews(project, { generatedAt: GENERATED_AT, url: 'https://other.example.org/', organisation: 'Other Desk' }).items;
    expect((overridden[0]!.author as Record<string, unknown>).name).toBe('Other Desk');
    expect(overridden.map((i) => i.url)).toContain(`https://other.example.org/#claim-${project.claims.filter((c) => c.verdict.levelId && c.id !== own.id)[0]!.id}`);
  });

  it('warns when the url is missing and when claimReviewed exceeds 75 characters', () => {
    const { items, warnings } = buildClaimReviews(loadSample(), { generatedAt: GENERATED_AT });
    expect(items.every((i) => !('url' in i))).toBe(true);
    expect(warnings.some((w) => w.code === 'no-url' && /no fact-check URL/.test(w.message) && /Publication/.test(w.message))).toBe(true);
    // Warnings are read in the window too: they never ask for a command-line flag.
    for (const w of warnings) expect(w.message).not.toMatch(/--|pass /);
    const long = items.filter((i) => (i.claimReviewed as string).length > CLAIM_REVIEWED_MAX);
    expect(long.length).toBeGreaterThan(0);
    expect(warnings.filter((w) => /claimReviewed is \d+ characters/.test(w.message))).toHaveLength(long.length);
  });

  it('--approved-only keeps approved claims', () => {
    const project = loadSample();
    const { items } = buildClaimReviews(project, { approvedOnly: true, url: 'https://x.example.org/' });
    expect(items).toHaveLength(project.claims.filter((c) => c.state === 'approved' && c.verdict.levelId).length);
  });

  it('leaves a rating without a number (Unproven) without ratingValue but with alternateName', () => {
    const project = loadSample();
    project.claims = project.claims.map((c, i) => (i === 0 ? { ...c, verdict: { ...c.verdict, levelId: 'unproven' } } : c));
    const rating = buildClaimReviews(project, { url: 'https://x.example.org/' }).items[0]!.reviewRating as Record<string, unknown>;
    expect(rating.alternateName).toBe('Unproven');
    expect(rating).not.toHaveProperty('ratingValue');
  });
});

describe('Markdown report', () => {
  it('matches the snapshot', () => {
    const text = renderMarkdownReport(fixedProject(), { generatedAt: GENERATED_AT });
    expect(text).not.toContain('Confidential tip');
    expect(text).toMatchSnapshot();
  });

  it('covers every claim of the sample', () => {
    const project = loadSample();
    const text = renderMarkdownReport(project, { generatedAt: GENERATED_AT });
    expect(text.match(/^### Claim \d+:/gm)).toHaveLength(project.claims.length);
  });

  it('escapes hostile content so it stays text', () => {
    const text = renderMarkdownReport(hostileProject(), { generatedAt: GENERATED_AT });
    // Every "<" is escaped (\< or &lt;) unless it opens an http(s) autolink.
    expect(text).not.toMatch(/(^|[^\\])<(?!https?:\/\/)/m);
    expect(text).not.toMatch(/\]\(javascript:/);
    // A source URL that fails the link check is shown as escaped text, never as a link or code span.
    expect(text).toContain('javascript:alert(document.cookie)');
    expect(text).not.toContain('`javascript:');
  });
});
