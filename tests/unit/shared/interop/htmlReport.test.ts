import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlFromReportData, renderHtmlReport } from '../../../../shared/interop/htmlReport';
import { highlightedArticleHtml } from '../../../../shared/interop/highlightedArticle';
import { markdownToSafeHtml } from '../../../../shared/interop/markdownLite';
import { commitChange } from '../../../../shared/history';
import type { ClaimState } from '../../../../shared/model';
import { createEmptyProject } from '../../../../shared/projectFile';
import { buildReportData } from '../../../../shared/interop/reportData';
import { claimOn, fixedProject, GENERATED_AT, HOSTILE_QUOTE, hostileProject, loadSample, textArticle } from './helpers';

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
      const quote = d.querySelector(`#claim-${n} blockquote.quote`)!.textContent;
      expect(text).toBe(quote);
    }
    expect(d.querySelector('.summary table')?.textContent).toContain('No verdict yet');
    expect(d.querySelector('.scale')?.textContent).toContain('Mostly false');
    // Nothing records a correction yet: the section appears only when there are some.
    expect(d.querySelector('.corrections')).toBeNull();
  });

  it('nests overlapping claims by splitting at every boundary', () => {
    const article = textArticle('a', 'T', ['alpha beta gamma delta']);
    const html = highlightedArticleHtml(article, [
      { number: 1, className: 'lv-0', title: 'one', start: 0, end: 16 }, // alpha beta gamma
      { number: 2, className: 'lv-1', title: 'two', start: 6, end: 22 }, // beta gamma delta
    ]);
    const d = doc(`<p>${html}</p>`);
    expect(d.body.textContent).toBe('alpha beta gamma1 delta2');
    expect([...d.querySelectorAll('mark[data-claim="1"]')].map((m) => m.textContent).join('|')).toBe('alpha |beta gamma1');
    expect([...d.querySelectorAll('mark[data-claim="2"]')].map((m) => m.textContent).join('|')).toBe('beta gamma| delta2');
    expect(d.querySelectorAll('mark[id]')).toHaveLength(2);
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

  it('shows the methodology note and a dated corrections log when the project has them', () => {
    const project = { ...loadSample(), methodology: 'We check **every** figure.' };
    const data = { ...buildReportData(project, { generatedAt: GENERATED_AT }), corrections: [{ date: '2026-03-16', text: 'Claim 1 toll updated.' }] };
    const d = doc(htmlFromReportData(data));
    expect(d.querySelector('.methodology strong')?.textContent).toBe('every');
    expect(d.querySelector('.corrections li')?.textContent).toBe('2026-03-16 — Claim 1 toll updated.');
  });

  it('names the reviewer from the history step that approved the claim', () => {
    let project = fixedProject();
    const step = (day: number, author: string, state: ClaimState) => {
      project = commitChange(project, { kind: 'do', op: { type: 'changeState', claimId: 'c1', state } }, { id: `h${day}`, at: `2026-03-1${day}T10:00:00.000Z`, author }).project;
    };
    step(1, 'Checker Chris', 'readyForReview');
    step(2, 'Editor Eve', 'approved');
    const data = buildReportData(project, { generatedAt: GENERATED_AT });
    expect(data.claims[0]!.reviewer).toBe('Editor Eve');
    expect(data.claims[0]!.reviewedAt).toBe('2026-03-12T10:00:00.000Z');
    expect(data.claims[2]!.reviewer).toBeUndefined();
    const d = doc(renderHtmlReport(project, { generatedAt: GENERATED_AT }));
    expect(d.querySelector('#claim-1 .fields')?.textContent).toContain('Approved · reviewed by Editor Eve · 2026-03-12');
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
      claims: [claimOn(article, 'c1', 'one'), claimOn(article, 'c2', 'three', { state: 'draft' as const })],
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
