/**
 * The report as readable Markdown: the same content as the HTML report, in the same order (summary,
 * claims, the articles that have claims, sources, scale, methodology, corrections when there are any).
 */
import type { Project } from '../operations';
import { STANCE_LABELS } from '../labels';
import { dayLabel } from '../workflow/reviewRecord';
import { skippedChecksText } from '../workflow/rules';
import { articleLabel, buildReportData, reviewText, shortDate, verdictLabel, type ExportOptions, type ReportData } from './reportData';
import type { Source } from '../model';
import { captureEvidenceLine } from '../captures/captureLabels';
import { checkExternalUrl } from '../urlCheck';
import { escapeMarkdownText, markdownToSafeMarkdown, safeLineStart } from './markdownLite';

/**
 * Any field, on one line, shown literally: every character that could start Markdown or HTML syntax
 * is escaped, so titles, dates, names and notes from an article or a hand-edited file stay text.
 */
function md(text: string | number): string {
  return escapeMarkdownText(String(text));
}

/** A block quote of (possibly multi-line) text. */
function quoteBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${safeLineStart(md(line))}`.trimEnd())
    .join('\n');
}

/** A URL as an autolink when it passes the link check, else as escaped text (never a link). */
function urlText(url: string): string {
  const checked = checkExternalUrl(url);
  return checked.ok && !/[<>]/.test(checked.url) ? `<${checked.url}>` : md(url);
}

export function renderMarkdownReport(project: Project, options: ExportOptions = {}): string {
  return markdownFromReportData(buildReportData(project, options));
}

export function markdownFromReportData(data: ReportData): string {
  const out: string[] = [];
  out.push(`# ${md(data.title)}`, '');
  out.push(
    `Report generated ${md(shortDate(data.generatedAt))}${data.organisation ? ` by ${md(data.organisation)}` : ''} · ${data.claims.length} claim${data.claims.length === 1 ? '' : 's'}`,
    '',
  );
  if (data.url) out.push(`Published at ${urlText(data.url)}`, '');

  out.push('## Summary', '', '| Verdict | Claims |', '| --- | ---: |');
  for (const row of data.summary) {
    if (!row.level && row.count === 0) continue;
    out.push(`| ${row.level ? md(row.level.label) : 'No verdict yet'} | ${row.count} |`);
  }
  out.push('');

  out.push('## Claims', '');
  if (data.claims.length === 0) out.push('No claims to report.', '');
  for (const item of data.claims) {
    const { claim } = item;
    out.push(`### Claim ${item.number}: ${md(verdictLabel(item, data.scale) ?? 'No verdict yet')}`, '');
    out.push(quoteBlock(claim.target.quote.exact), '');
    if (claim.statement) out.push(`- **Claim:** ${md(claim.statement)}`);
    if (claim.claimant) out.push(`- **Claimant:** ${md(claim.claimant)}`);
    if (claim.tags?.length) out.push(`- **Tags:** ${md(claim.tags.join(', '))}`);
    out.push(`- **Article:** ${md(articleLabel(item.article))}`);
    if (claim.verdict.conclusion) out.push(`- **Conclusion:** ${md(claim.verdict.conclusion)}`);
    out.push(`- **Review:** ${md(reviewText(item))}`);
    const override = item.approval?.override;
    if (override) out.push(`- **Override:** approved with checks skipped (${skippedChecksText(override.skipped)}). Reason: ${md(override.reason)}`);
    if (claim.factCheckUrl?.trim()) out.push(`- **Published:** ${urlText(claim.factCheckUrl)}`);
    out.push('');
    if (claim.verdict.rationale.trim()) {
      // The checker's own Markdown, read and written back: its formatting kept, anything else escaped.
      out.push('**Rationale**', '', checkersMarkdown(claim.verdict.rationale), '');
    }
    if (item.sources.length || item.withheldCount) {
      out.push('**Sources**', '');
      for (const { link, source } of item.sources) {
        out.push(`- ${link.stance ? `${STANCE_LABELS[link.stance]}: ` : ''}${sourceLine(source)}${link.location ? ` (${md(link.location)})` : ''}`);
        if (link.excerpt) out.push(`  > ${md(link.excerpt)}`);
      }
      if (item.withheldCount) out.push(`- ${item.withheldCount} source${item.withheldCount === 1 ? '' : 's'} withheld for source safety.`);
      out.push('');
    }
    if (item.corrections.length) {
      out.push('**Corrections**', '');
      for (const c of item.corrections) out.push(`- ${md(dayLabel(c.at))}${c.author.trim() ? ` (${md(c.author)})` : ''}: ${md(c.text)}`);
      out.push('');
    }
  }

  for (const { article, claims } of data.articles) {
    out.push(`## Article: ${md(articleLabel(article))}`, '');
    const meta: string[] = [];
    if (article.metadata.byline) meta.push(md(article.metadata.byline));
    if (article.metadata.publishedAt) meta.push(`published ${md(shortDate(article.metadata.publishedAt))}`);
    if (article.metadata.url) meta.push(urlText(article.metadata.url));
    else if (article.metadata.fileName) meta.push(`file ${md(article.metadata.fileName)}`);
    if (meta.length) out.push(meta.join(' · '), '');
    out.push(`${claims.length} claim${claims.length === 1 ? '' : 's'} marked in this article: ${claims.map((c) => c.number).join(', ')}.`, '');
  }

  out.push('## Sources', '');
  if (data.sources.length === 0) out.push('No sources listed.');
  data.sources.forEach((source, i) => out.push(`${i + 1}. ${sourceLine(source)}${captureNote(source)}`));
  if (data.withheldSourceCount) {
    out.push('', `${data.withheldSourceCount} source${data.withheldSourceCount === 1 ? ' is' : 's are'} withheld for source safety.`);
  }
  out.push('');

  out.push(`## Rating scale: ${md(data.scale.name)}`, '');
  for (const level of data.scale.levels) {
    const rating = level.rating === null || level.rating === undefined ? '' : ` (${md(level.rating)})`;
    out.push(`- **${md(level.label)}**${rating}: ${md(level.description || '—')}`);
  }
  out.push('');

  out.push('## Methodology', '', data.methodology ? checkersMarkdown(data.methodology) : 'No methodology note was written for this project.', '');

  if (data.corrections.length > 0) {
    out.push('## Corrections', '');
    for (const c of data.corrections) out.push(`- ${md(dayLabel(c.date))} — claim ${c.claimNumber}: ${md(c.text)}${c.author.trim() ? ` (${md(c.author)})` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The checker's own Markdown with the syntax the reports read (paragraphs, lists, strong, emphasis,
 * code, http(s) links), written back with everything else escaped: raw HTML, images, reference
 * links and links to anything but http(s) stay text.
 */
function checkersMarkdown(text: string): string {
  return markdownToSafeMarkdown(text.trim());
}

/** The source's newest capture: when, its HTTP status when an error, the SHA-256 of its web archive. */
function captureNote(source: Source): string {
  const capture = captureEvidenceLine(source);
  if (!capture) return '';
  const status = capture.httpStatus >= 400 ? ` · HTTP ${capture.httpStatus}` : '';
  const wayback = capture.wayback ? ` · Internet Archive: ${urlText(capture.wayback)}` : '';
  const hash = /^[0-9a-f]{64}$/.test(capture.sha256) ? `\`${capture.sha256}\`` : md(capture.sha256);
  return ` — captured ${md(capture.capturedAt)}${status} · SHA-256 ${hash}${wayback}`;
}

function sourceLine(source: Source): string {
  const parts = [`*${md(source.title || source.url || 'Untitled source')}*`];
  if (source.author?.trim()) parts.push(md(source.author));
  if (source.publisher) parts.push(md(source.publisher));
  if (source.url) parts.push(urlText(source.url));
  if (source.accessedAt) parts.push(`accessed ${md(source.accessedAt)}`);
  return parts.join(' · ');
}
