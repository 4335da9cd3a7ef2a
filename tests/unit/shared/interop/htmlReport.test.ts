import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { styleDigest } from '../../../../electron/services/interop/styleDigest';
import { describe, expect, it } from 'vitest';
import { htmlFromReportData, renderHtmlReport } from '../../../../shared/interop/htmlReport';
import { highlightedArticleHtml } from '../../../../shared/interop/highlightedArticle';
import { markdownToSafeHtml } from '../../../../shared/interop/markdownLite';
import { commitChange } from '../../../../shared/history';
import type { Project } from '../../../../shared/operations';
import type { ClaimState } from '../../../../shared/model';
import { createEmptyProject } from '../../../../shared/projectFile';
import { buildReportData } from '../../../../shared/interop/reportData';
import { approvedClaimOn, fixedProject, GENERATED_AT, HOSTILE_QUOTE, hostileProject, loadSample, textArticle } from './helpers';

const doc = (html: string) => new JSDOM(html).window.document;

describe('HTML report', () => {
  it('is self-contained: no script, no remote resource, a CSP forbidding them', () => {
    const html = renderHtmlReport(loadSample(), { generatedAt: GENERATED_AT });
    const d = doc(html);
    expect(d.querySelectorAll('script, link, iframe, object, embed, img, form')).toHaveLength(0);
    expect(d.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    expect(html).not.toMatch(/url\(|@import|src=/i);
    expect(d.querySelectorAll('style')).toHaveLength(1);
  });

  it("allows its one inline style by the style's SHA-256, never by 'unsafe-inline'", () => {
    const html = renderHtmlReport(loadSample(), { generatedAt: GENERATED_AT }, styleDigest);
    const d = doc(html);
    const csp = d.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    // The hash a browser computes: over the style element's text exactly as parsed.
    const expected = createHash('sha256').update(d.querySelector('style')!.textContent!, 'utf8').digest('base64');
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${expected}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(csp).not.toMatch(/unsafe/);
    // Without a digest the policy allows no style at all rather than any.
    const bare = doc(renderHtmlReport(loadSample(), { generatedAt: GENERATED_AT })).querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    expect(bare).toContain("style-src 'none'");
  });

  it('highlights and numbers every claim of the sample, with one card each', () => {
    const project = loadSample();
    const d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT }));
    const numbers = new Set([...d.querySelectorAll('mark.claim')].map((m) => m.getAttribute('data-claim')));
    expect(numbers.size).toBe(project.claims.length);
    expect(d.querySelectorAll('.claim-card')).toHaveLength(project.claims.length);
    expect(d.querySelectorAll('sup.claim-no')).toHaveLength(project.claims.length);
    // Highlighted text (without the number labels) equals each claim's quote.
    for (const sup of d.querySelectorAll('sup.claim-no')) sup.remove();
    for (const n of numbers) {
      const text = [...d.querySelectorAll(`mark[data-claim="${n}"]`)]
        .filter((m) => !m.parentElement?.closest(`mark[data-claim="${n}"]`))
        .map((m) => m.textContent)
        .join('');
      const card = d.querySelectorAll('.claim-card')[Number(n) - 1]!;
      expect(d.querySelector(`mark[data-claim="${n}"] sup.claim-no a`)?.getAttribute('href') ?? `#${card.id}`).toBe(`#${card.id}`);
      const quote = card.querySelector('blockquote.quote')!.textContent;
      expect(text).toBe(quote);
    }
    expect(d.querySelector('.summary table')?.textContent).toContain('No verdict yet');
    expect(d.querySelector('.scale')?.textContent).toContain('Mostly false');
    // The sample has no corrections: no section for them.
    expect(d.querySelector('.corrections')).toBeNull();
    expect(d.body.textContent).not.toContain('Corrections');
  });

  it('nests overlapping claims by splitting at every boundary', () => {
    const article = textArticle('a', 'T', ['alpha beta gamma delta']);
    const html = highlightedArticleHtml(article, [
      { number: 1, anchorId: 'claim-x', className: 'lv-0', title: 'one', start: 0, end: 16 }, // alpha beta gamma
      { number: 2, anchorId: 'claim-y', className: 'lv-1', title: 'two', start: 6, end: 22 }, // beta gamma delta
    ]);
    const d = doc(`<p>${html}</p>`);
    expect(d.body.textContent).toBe('alpha beta gamma1 delta2');
    expect([...d.querySelectorAll('mark[data-claim="1"]')].map((m) => m.textContent).join('|')).toBe('alpha |beta gamma1');
    expect([...d.querySelectorAll('mark[data-claim="2"]')].map((m) => m.textContent).join('|')).toBe('beta gamma| delta2');
    expect(d.querySelectorAll('mark[id]')).toHaveLength(2);
    expect([...d.querySelectorAll('sup.claim-no a')].map((a) => a.getAttribute('href'))).toEqual(['#claim-x', '#claim-y']);
  });

  it('keeps withheld sources out and says how many were withheld', () => {
    const project = loadSample();
    const withheld = project.links[0]!.sourceId;
    project.sources = project.sources.map((s) => (s.id === withheld ? { ...s, withheld: true } : s));
    const hidden = project.sources.find((s) => s.id === withheld)!;
    const html = renderHtmlReport(project, { generatedAt: GENERATED_AT });
    expect(html).not.toContain(hidden.url);
    expect(html).not.toContain(hidden.title);
    expect(html).toContain('withheld for source safety');
  });

  it('shows the methodology note, and a dated corrections log of real corrections with their authors', () => {
    let project: Project = { ...loadSample(), methodology: 'We check **every** figure.' };
    const corrected = project.claims[0]!;
    project = commitChange(
      project,
      {
        kind: 'do',
        op: { type: 'addCorrection', correction: { id: 'f1', claimId: corrected.id, author: 'Bo Lindqvist', at: '2026-03-16T09:30:00.000Z', text: 'The toll was updated to 61.' } },
      },
      { id: 'h1', at: '2026-03-16T09:30:00.000Z', author: 'Bo Lindqvist' },
    ).project;
    const d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT }));
    expect(d.querySelector('.methodology strong')?.textContent).toBe('every');
    const number = buildReportData(project).claims.find((c) => c.claim.id === corrected.id)!.number;
    expect(d.querySelector('.corrections li')?.textContent).toBe(`16 Mar 2026 — claim ${number}: The toll was updated to 61. (Bo Lindqvist)`);
    expect(d.querySelector(`#claim-${corrected.id} .claim-corrections`)?.textContent).toContain('16 Mar 2026 (Bo Lindqvist): The toll was updated to 61.');
  });

  it('names who approved the claim and when, from the history step that approved it, and any override with its reason', () => {
    let project = fixedProject();
    const step = (day: number, author: string, state: ClaimState, override?: { reason: string; skipped: ('readyForReview' | 'sources')[] }) => {
      project = commitChange(
        project,
        { kind: 'do', op: { type: 'changeState', claimId: 'c1', state, ...(override ? { action: 'approve' as const, override } : {}) } },
        { id: `h${day}`, at: `2026-03-1${day}T10:00:00.000Z`, author },
      ).project;
    };
    step(1, 'Checker Chris', 'readyForReview');
    step(2, 'Editor Eve', 'approved');
    const data = buildReportData(project, { generatedAt: GENERATED_AT });
    expect(data.claims[0]!.reviewer).toBe('Editor Eve');
    expect(data.claims[0]!.reviewedAt).toBe('2026-03-12T10:00:00.000Z');
    expect(data.claims[2]!.reviewer).toBeUndefined();
    let d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT }));
    expect(d.querySelector('#claim-c1 .fields')?.textContent).toContain('Approved by Editor Eve, 12 Mar 2026');
    expect(d.querySelector('#claim-c1 .override')).toBeNull();

    step(3, 'Editor Eve', 'researching');
    step(4, 'Bo Lindqvist', 'approved', { reason: 'Published before the desk rule applied.', skipped: ['readyForReview'] });
    d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT }));
    expect(d.querySelector('#claim-c1 .fields')?.textContent).toContain('Approved by Bo Lindqvist, 14 Mar 2026');
    expect(d.querySelector('#claim-c1 .override')?.textContent).toBe(
      'Approved with checks skipped (not Ready for review). Reason: Published before the desk rule applied.',
    );
  });

  it('puts the summary and the claim cards first, then only the articles that have claims, laid out for the page size', () => {
    const withClaims = textArticle('a', 'With claims', ['one two three four']);
    const without = textArticle('b', 'No claims here', ['nothing marked in this one']);
    const project = {
      ...createEmptyProject({ id: 'p', title: 'P', createdAt: GENERATED_AT }),
      articles: [without, withClaims],
      claims: [approvedClaimOn(withClaims, 'c1', 'two')],
    };
    const html = renderHtmlReport(project, { generatedAt: GENERATED_AT, pageSize: 'letter' });
    const d = doc(html);
    const order = [...d.querySelectorAll('main > section')].map((s) => s.className);
    expect(order.slice(0, 3)).toEqual(['summary', 'claims', 'articles']);
    expect(d.querySelectorAll('section.article')).toHaveLength(1);
    expect(d.body.textContent).not.toContain('No claims here');
    expect(html).toContain('@page{size:letter');
    expect(renderHtmlReport(project, { generatedAt: GENERATED_AT })).toContain('@page{size:A4');
    expect(html).not.toMatch(/break-before:page/);
  });

  it('renders hostile content inert', () => {
    const html = renderHtmlReport(hostileProject(), { generatedAt: GENERATED_AT });
    const d = doc(html);
    expect(d.querySelectorAll('script, img, svg, iframe')).toHaveLength(0);
    expect(d.querySelectorAll('style')).toHaveLength(1);
    for (const el of d.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
    for (const a of d.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|#)/);
    expect(d.body.textContent).toContain(HOSTILE_QUOTE);
    expect(d.body.textContent).toContain('javascript:alert(document.cookie)');
    expect(d.title).toContain('<script>');
    // Nothing runs when a browser with scripts enabled loads it.
    const live = new JSDOM(html, { runScripts: 'dangerously' });
    expect((live.window as unknown as { alerted?: boolean }).alerted).toBeUndefined();
    expect(live.window.document.querySelectorAll('script')).toHaveLength(0);
  });

  it('handles an empty project', () => {
    const project = createEmptyProject({ id: 'p', title: 'Empty', createdAt: GENERATED_AT });
    const d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT }));
    expect(d.querySelector('.claims')?.textContent).toContain('No claims to report');
  });

  it('--approved-only keeps approved claims only', () => {
    const article = textArticle('a', 'T', ['one two three four']);
    const project = {
      ...createEmptyProject({ id: 'p', title: 'P', createdAt: GENERATED_AT }),
      articles: [article],
      claims: [approvedClaimOn(article, 'c1', 'one'), approvedClaimOn(article, 'c2', 'three', { state: 'draft' as const })],
    };
    const d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT, approvedOnly: true }));
    expect(d.querySelectorAll('.claim-card')).toHaveLength(1);
  });
});

describe('Markdown in rationales', () => {
  it('renders emphasis, lists and http links; raw HTML and javascript: links stay text', () => {
    const html = markdownToSafeHtml('A **b** *c* `d`\n\n- x\n- [y](https://e.org/?a=1&b=2)\n\n<script>x</script> [z](javascript:alert(1))');
    expect(html).toContain('<strong>b</strong>');
    expect(html).toContain('<em>c</em>');
    expect(html).toContain('<code>d</code>');
    expect(html).toContain('<ul><li>x</li><li><a href="https://e.org/?a=1&amp;b=2" rel="noopener noreferrer">y</a></li></ul>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; z');
    expect(html).not.toContain('javascript:');
  });
});
