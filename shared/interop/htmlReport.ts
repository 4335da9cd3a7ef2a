/**
 * The annotated report as one self-contained HTML file: inline CSS, no script, no remote resource
 * (a Content-Security-Policy meta tag forbids them too). A reader gets the summary and a card per
 * claim first (each at `#claim-<claim id>`, with who approved it, any override and its corrections),
 * then the articles that have claims with every claim highlighted in its verdict's colour and
 * numbered, the source list, the rating scale, the methodology note and, when there are any, the
 * corrections log. Print CSS lays it out for A4 or Letter and keeps claim cards whole.
 */
import type { Project } from '../operations';
import type { Article, RatingLevel, RatingScale } from '../model';
import { dayLabel } from '../workflow/reviewRecord';
import { skippedChecksText } from '../workflow/rules';
import { pageCss } from './pageSize';
import { checkExternalUrl } from '../urlCheck';
import { captureEvidenceLine } from '../captures/captureLabels';
import { escapeHtml } from './escape';
import { highlightedArticleHtml, placeClaims } from './highlightedArticle';
import { markdownToSafeHtml } from './markdownLite';
import { SOURCE_KIND_LABELS, STANCE_LABELS } from '../labels';
import {
  articleLabel,
  buildReportData,
  reviewText,
  shortDate,
  type ExportOptions,
  type ReportClaim,
  type ReportData,
  verdictLabel,
} from './reportData';

/**
 * The base64 SHA-256 of a text, given by the caller (Node's crypto on the main side; shared/ has
 * none): the report's policy allows its one inline style by this hash, never by 'unsafe-inline'.
 */
export type StyleDigest = (css: string) => string;

/** The report's policy: nothing at all but its own inline style (by hash; none without a digest). */
export function reportCsp(styleSha256: string | null): string {
  return `default-src 'none'; style-src ${styleSha256 ? `'sha256-${styleSha256}'` : "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
}

export function renderHtmlReport(project: Project, options: ExportOptions = {}, styleDigest?: StyleDigest): string {
  return htmlFromReportData(buildReportData(project, options), styleDigest);
}

export function htmlFromReportData(data: ReportData, styleDigest?: StyleDigest): string {
  const e = escapeHtml;
  const levelClass = (level: RatingLevel | undefined) => {
    const index = level ? data.scale.levels.indexOf(level) : -1;
    return index >= 0 ? `lv-${index}` : 'lv-none';
  };
  const body: string[] = [];

  body.push(`<header class="report-head"><h1>${e(data.title)}</h1>`);
  const meta = [`Report generated ${e(shortDate(data.generatedAt))}`];
  if (data.organisation) meta.push(`by ${e(data.organisation)}`);
  body.push(`<p class="meta">${meta.join(' ')} · ${data.claims.length} claim${data.claims.length === 1 ? '' : 's'}</p>`);
  if (data.url) body.push(`<p class="meta">Published at ${linkOrText(data.url)}</p>`);
  body.push('</header>');

  // What a reader wants first: the verdicts, then each claim; the annotated articles follow.
  body.push('<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>');
  body.push('<table><thead><tr><th scope="col">Verdict</th><th scope="col">Claims</th></tr></thead><tbody>');
  for (const row of data.summary) {
    if (!row.level && row.count === 0) continue;
    const label = row.level ? row.level.label : 'No verdict yet';
    body.push(`<tr><td><span class="swatch ${levelClass(row.level)}"></span>${e(label)}</td><td>${row.count}</td></tr>`);
  }
  body.push('</tbody></table></section>');

  body.push('<section class="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>');
  if (data.claims.length === 0) body.push('<p class="note">No claims to report.</p>');
  const placedNumbers = new Set<number>();
  const articleSections: string[] = [];
  for (const { article, claims } of data.articles) {
    const placed = placeClaims(
      article,
      claims.map((c) => ({
        number: c.number,
        anchorId: c.anchorId,
        className: levelClass(c.level),
        title: `Claim ${c.number}: ${verdictLabel(c, data.scale) ?? 'No verdict yet'}`,
        target: c.claim.target,
      })),
    );
    for (const span of placed.spans) placedNumbers.add(span.number);
    articleSections.push(articleSection(article, placed));
  }
  for (const item of data.claims) body.push(claimCard(item, levelClass(item.level), data.scale, placedNumbers.has(item.number)));
  body.push('</section>');

  if (articleSections.length > 0) {
    body.push(`<section class="articles" aria-labelledby="articles-h"><h2 id="articles-h">The article${articleSections.length === 1 ? '' : 's'}, annotated</h2>`);
    body.push(...articleSections);
    body.push('</section>');
  }

  body.push('<section class="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2>');
  if (data.sources.length === 0) body.push('<p class="note">No sources listed.</p>');
  else body.push(`<ol>${data.sources.map((s) => `<li>${sourceLine(s)}${captureNote(s)}</li>`).join('')}</ol>`);
  if (data.withheldSourceCount > 0) {
    body.push(
      `<p class="note">${data.withheldSourceCount} source${data.withheldSourceCount === 1 ? ' is' : 's are'} withheld for source safety.</p>`,
    );
  }
  body.push('</section>');

  body.push(`<section class="scale" aria-labelledby="scale-h"><h2 id="scale-h">Rating scale: ${e(data.scale.name)}</h2><dl>`);
  for (const level of data.scale.levels) {
    const rating = level.rating === null || level.rating === undefined ? '' : ` <span class="rating">(${level.rating})</span>`;
    body.push(`<dt><span class="swatch ${levelClass(level)}"></span>${e(level.label)}${rating}</dt><dd>${e(level.description || '—')}</dd>`);
  }
  body.push('</dl></section>');

  body.push('<section class="methodology" aria-labelledby="method-h"><h2 id="method-h">Methodology</h2>');
  body.push(data.methodology ? `<div class="md">${markdownToSafeHtml(data.methodology)}</div>` : '<p class="note">No methodology note was written for this project.</p>');
  body.push('</section>');

  if (data.corrections.length > 0) {
    body.push('<section class="corrections" aria-labelledby="corr-h"><h2 id="corr-h">Corrections</h2><ul>');
    for (const c of data.corrections) {
      const by = c.author.trim() ? ` <span class="note">(${e(c.author)})</span>` : '';
      body.push(`<li><time datetime="${e(c.date)}">${e(dayLabel(c.date))}</time> — claim ${c.claimNumber}: ${e(c.text)}${by}</li>`);
    }
    body.push('</ul></section>');
  }

  // The hash covers the style element's text exactly as written between its tags.
  const css = `\n${reportCss(data)}\n`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp(styleDigest ? styleDigest(css) : null)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(data.title)} — fact-check report</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** One article with its claims highlighted (its own first heading, when that is its title, stands as the heading). */
function articleSection(article: Article, placed: ReturnType<typeof placeClaims>): string {
  const e = escapeHtml;
  const out: string[] = [];
  const first = article.blocks[0];
  const titleInText = first?.type === 'heading' && first.text.trim() === articleLabel(article).trim();
  out.push(`<section class="article" aria-label="${e(articleLabel(article))}">${titleInText ? '' : `<h3 class="article-title">${e(articleLabel(article))}</h3>`}`);
  const articleMeta: string[] = [];
  if (article.metadata.byline) articleMeta.push(e(article.metadata.byline));
  if (article.metadata.siteName) articleMeta.push(e(article.metadata.siteName));
  if (article.metadata.publishedAt) articleMeta.push(`published ${e(shortDate(article.metadata.publishedAt))}`);
  if (article.metadata.url) articleMeta.push(linkOrText(article.metadata.url));
  else if (article.metadata.fileName) articleMeta.push(`file ${e(article.metadata.fileName)}`);
  out.push(`<p class="meta">Article${articleMeta.length ? ` · ${articleMeta.join(' · ')}` : ''}</p>`);
  if (placed.missing.length) {
    out.push(`<p class="note">Not found in this version of the article: claim${placed.missing.length === 1 ? '' : 's'} ${placed.missing.join(', ')}.</p>`);
  }
  out.push(`<div class="article-text" dir="${article.metadata.direction === 'rtl' ? 'rtl' : 'auto'}">${highlightedArticleHtml(article, placed.spans)}</div>`);
  out.push('</section>');
  return out.join('\n');
}

function claimCard(item: ReportClaim, levelClass: string, scale: RatingScale, inArticle: boolean): string {
  const e = escapeHtml;
  const { claim } = item;
  const out: string[] = [];
  out.push(`<article class="claim-card ${levelClass}" id="${e(item.anchorId)}">`);
  out.push(
    `<h3><span class="claim-badge ${levelClass}">${item.number}</span> <span class="verdict ${levelClass}">${e(verdictLabel(item, scale) ?? 'No verdict yet')}</span></h3>`,
  );
  out.push(`<blockquote class="quote">${e(claim.target.quote.exact)}</blockquote>`);
  out.push('<dl class="fields">');
  if (claim.statement) out.push(`<dt>Claim</dt><dd>${e(claim.statement)}</dd>`);
  if (claim.claimant) out.push(`<dt>Claimant</dt><dd>${e(claim.claimant)}</dd>`);
  out.push(`<dt>Article</dt><dd>${e(articleLabel(item.article))}</dd>`);
  if (claim.tags?.length) out.push(`<dt>Tags</dt><dd>${e(claim.tags.join(', '))}</dd>`);
  if (claim.verdict.conclusion) out.push(`<dt>Conclusion</dt><dd>${e(claim.verdict.conclusion)}</dd>`);
  out.push(`<dt>Review</dt><dd>${e(reviewText(item))}</dd>`);
  const override = item.approval?.override;
  if (override) {
    out.push(
      `<dt>Override</dt><dd class="override">Approved with checks skipped (${e(skippedChecksText(override.skipped))}). Reason: ${e(override.reason)}</dd>`,
    );
  }
  if (claim.factCheckUrl?.trim()) out.push(`<dt>Published</dt><dd>${linkOrText(claim.factCheckUrl)}</dd>`);
  out.push('</dl>');
  if (claim.verdict.rationale.trim()) out.push(`<div class="rationale md">${markdownToSafeHtml(claim.verdict.rationale)}</div>`);
  if (item.sources.length || item.withheldCount) {
    out.push('<h4>Sources</h4><ul class="claim-sources">');
    for (const { link, source } of item.sources) {
      const where = link.location ? ` <span class="location">(${e(link.location)})</span>` : '';
      // A source whose stance the checker never set is listed without one.
      const stance = link.stance ? `<span class="stance stance-${e(link.stance)}">${e(STANCE_LABELS[link.stance])}</span> ` : '';
      out.push(`<li>${stance}${sourceLine(source)}${where}`);
      if (link.excerpt) out.push(`<blockquote class="excerpt">${e(link.excerpt)}</blockquote>`);
      out.push('</li>');
    }
    if (item.withheldCount) {
      out.push(`<li class="note">${item.withheldCount} source${item.withheldCount === 1 ? '' : 's'} withheld for source safety.</li>`);
    }
    out.push('</ul>');
  }
  if (item.corrections.length) {
    out.push('<h4>Corrections</h4><ul class="claim-corrections">');
    for (const c of item.corrections) {
      const by = c.author.trim() ? ` (${e(c.author)})` : '';
      out.push(`<li><time datetime="${e(c.at)}">${e(dayLabel(c.at))}</time>${by}: ${e(c.text)}</li>`);
    }
    out.push('</ul>');
  }
  if (inArticle) out.push(`<p class="back"><a href="#mark-${item.number}">See it in the article</a></p>`);
  out.push('</article>');
  return out.join('\n');
}

function sourceLine(source: ReportClaim['sources'][number]['source']): string {
  const e = escapeHtml;
  const parts: string[] = [`<cite>${e(source.title || source.url || 'Untitled source')}</cite>`];
  if (source.author?.trim()) parts.push(e(source.author));
  if (source.publisher) parts.push(e(source.publisher));
  if (source.kind) parts.push(e(SOURCE_KIND_LABELS[source.kind].toLowerCase()));
  if (source.publishedAt?.trim()) parts.push(`published ${e(shortDate(source.publishedAt))}`);
  if (source.url) parts.push(linkOrText(source.url));
  if (source.accessedAt) parts.push(`accessed ${e(source.accessedAt)}`);
  return parts.join(' · ');
}

/** The source's newest capture: when, its HTTP status when an error, the SHA-256 of its web archive. */
function captureNote(source: ReportClaim['sources'][number]['source']): string {
  const capture = captureEvidenceLine(source);
  if (!capture) return '';
  const status = capture.httpStatus >= 400 ? ` · HTTP ${capture.httpStatus}` : '';
  const wayback = capture.wayback ? ` · Internet Archive: ${linkOrText(capture.wayback)}` : '';
  return `<br><span class="capture">Captured ${escapeHtml(capture.capturedAt)}${status} · SHA-256 <code>${escapeHtml(capture.sha256)}</code>${wayback}</span>`;
}

/** An http(s) URL becomes a link; anything else (javascript:, data:, …) is shown as inert text. */
function linkOrText(url: string): string {
  const checked = checkExternalUrl(url);
  if (!checked.ok) return `<span class="url">${escapeHtml(url)}</span>`;
  return `<a class="url" href="${escapeHtml(checked.url)}" rel="noopener noreferrer">${escapeHtml(checked.url)}</a>`;
}

function reportCss(data: ReportData): string {
  const levels = data.scale.levels
    .map((level, i) => {
      const c = /^#[0-9a-fA-F]{6}$/.test(level.color) ? level.color : '#888888';
      return `.lv-${i}{--c:${c}}`;
    })
    .join('\n');
  return `${pageCss(data.pageSize)}
${levels}
.lv-none{--c:#8a8f98}
:root{color-scheme:light;font-family:Georgia,"Times New Roman",serif;line-height:1.55;color:#1d232b;background:#fff}
body{margin:0}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1,h2,h3,h4,.meta,.note,table,.claim-badge,.verdict,.fields dt,.stance{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .3rem}
.article-text h2,.article-text h3,.article-text h4{border-bottom:0;margin-top:1.6rem}
.article{margin-top:1.4rem}
.article-title{font-size:1.15rem;margin:1.4rem 0 .2rem}
.override{color:#6d4a00}
.claim-corrections{padding-left:1.1rem;font-size:.95rem}
h2{font-size:1.35rem;margin:2.2rem 0 .8rem;padding-bottom:.25rem;border-bottom:1px solid #d5dae1}
.meta,.note{color:#56606d;font-size:.9rem}
table{border-collapse:collapse;min-width:18rem}
th,td{text-align:left;padding:.3rem .8rem .3rem 0;border-bottom:1px solid #e4e7ec}
.swatch{display:inline-block;width:.85em;height:.85em;border-radius:2px;margin-right:.45em;vertical-align:-.05em;background:var(--c)}
mark.claim{background:color-mix(in srgb,var(--c) 22%,transparent);color:inherit;border-bottom:2px solid var(--c);padding:0 1px}
sup.claim-no{font-family:system-ui,sans-serif;font-size:.7em;font-weight:700;margin-left:1px}
sup.claim-no a{color:#1d232b;text-decoration:none;background:var(--c);color:#fff;border-radius:3px;padding:0 .3em}
.article-text{font-size:1.05rem}
blockquote{margin:.6rem 0;padding:.1rem 0 .1rem .9rem;border-left:3px solid #c9ced6;color:#333b45}
.claim-card{border:1px solid #d5dae1;border-left:6px solid var(--c,#8a8f98);border-radius:6px;padding:.8rem 1rem;margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
.claim-card h3{margin:0 0 .4rem;font-size:1.05rem;display:flex;gap:.5rem;align-items:center}
.claim-badge{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;background:var(--c);color:#fff;font-weight:700}
.verdict{font-weight:700;color:#1d232b;border-bottom:3px solid var(--c)}
.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.5rem 0}
.fields dt{font-weight:600;color:#56606d;font-size:.9rem}
.fields dd{margin:0}
.rationale{margin:.4rem 0}
.claim-card h4{margin:.6rem 0 .2rem;font-family:system-ui,sans-serif;font-size:.95rem}
.claim-sources{padding-left:1.1rem}
.capture{font-size:.85em;color:#555}.capture code{word-break:break-all}
.stance{font-size:.8rem;font-weight:700;padding:0 .35em;border-radius:3px;background:#eef0f3}
.stance-supports{background:#e3f1e6}.stance-refutes{background:#f8e1de}.stance-context{background:#e6ecf5}.stance-mixed{background:#f4ecd8}
.excerpt{font-size:.95rem}
.url{word-break:break-all}
.location{color:#56606d;font-size:.9rem}
a{color:#1f4fa3}
.back{margin:.3rem 0 0;font-size:.85rem;font-family:system-ui,sans-serif}
.scale dt{font-weight:700;margin-top:.5rem;font-family:system-ui,sans-serif}
.scale dd{margin:0 0 0 1.3rem}
@media print{
  :root{font-size:11pt}
  main{max-width:none;padding:0}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  h2,h3,.article-title{break-after:avoid;page-break-after:avoid}
  .claim-card,.scale dt,.scale dd,tr{break-inside:avoid;page-break-inside:avoid}
  p,li,blockquote{orphans:3;widows:3}
  .back{display:none}
  a{color:inherit}
}`;
}
