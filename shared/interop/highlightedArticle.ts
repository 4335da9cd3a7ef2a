/**
 * An article as HTML with every claim wrapped in <mark>: the text is escaped, then cut at every
 * claim boundary so overlapping and nested claims become properly nested marks, and each claim's
 * number follows its last character. Pure string building; no DOM.
 */
import { anchor } from '../anchoring';
import { blockStarts } from '../articles/canonicalText';
import type { Article, Block } from '../model';
import { escapeHtml } from './escape';

export interface HighlightSpan {
  number: number;
  /** The id of the claim's card, which the number links to. */
  anchorId: string;
  /** CSS class carrying the verdict colour. */
  className: string;
  /** Short description for the tooltip, e.g. "Claim 3: Mostly false". */
  title: string;
  start: number;
  end: number;
}

export interface PlacedClaim {
  number: number;
  anchorId: string;
  className: string;
  title: string;
  target: Parameters<typeof anchor>[1];
}

/** Where each claim is in the article's current text; claims that cannot be found are left out. */
export function placeClaims(article: Article, claims: readonly PlacedClaim[]): { spans: HighlightSpan[]; missing: number[] } {
  const spans: HighlightSpan[] = [];
  const missing: number[] = [];
  for (const claim of claims) {
    const found = anchor(article.text, claim.target);
    if (found.status === 'orphaned' || found.end <= found.start) missing.push(claim.number);
    else spans.push({ number: claim.number, anchorId: claim.anchorId, className: claim.className, title: claim.title, start: found.start, end: found.end });
  }
  return { spans, missing };
}

export function highlightedArticleHtml(article: Article, spans: readonly HighlightSpan[]): string {
  const starts = blockStarts(article.blocks);
  const out: string[] = [];
  let inList = false;
  article.blocks.forEach((block, index) => {
    const blockStart = starts[index] ?? 0;
    const inner = highlightBlock(block.text, blockStart, spans);
    if (block.type === 'listItem' && !inList) {
      out.push('<ul>');
      inList = true;
    } else if (block.type !== 'listItem' && inList) {
      out.push('</ul>');
      inList = false;
    }
    out.push(wrapBlock(block, inner));
  });
  if (inList) out.push('</ul>');
  return out.join('\n');
}

function wrapBlock(block: Block, inner: string): string {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
      return `<h${level}>${inner}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${inner}</p></blockquote>`;
    case 'listItem':
      return `<li>${inner}</li>`;
    case 'preformatted':
      return `<pre>${inner}</pre>`;
    case 'caption':
      return `<p class="caption">${inner}</p>`;
    default:
      return `<p>${inner}</p>`;
  }
}

/** One block's text with the marks of the spans that touch it. */
function highlightBlock(text: string, blockStart: number, spans: readonly HighlightSpan[]): string {
  const blockEnd = blockStart + text.length;
  const local = spans
    .filter((s) => s.start < blockEnd && s.end > blockStart)
    .map((s) => ({ span: s, start: Math.max(s.start, blockStart) - blockStart, end: Math.min(s.end, blockEnd) - blockStart }));
  if (local.length === 0) return escapeHtml(text);

  const cuts = new Set<number>([0, text.length]);
  for (const s of local) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  const opened = new Set<number>();
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    // Outer (longer) claims first, so nesting is stable from segment to segment.
    const covering = local
      .filter((s) => s.start <= from && s.end >= to)
      .sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.number - b.span.number);
    let html = escapeHtml(text.slice(from, to));
    for (let k = covering.length - 1; k >= 0; k--) {
      const { span } = covering[k]!;
      const first = !opened.has(span.number);
      opened.add(span.number);
      const id = first ? ` id="mark-${span.number}"` : '';
      const endsHere = span.end === blockStart + to;
      const label = endsHere ? `<sup class="claim-no"><a href="#${escapeHtml(encodeURIComponent(span.anchorId))}">${span.number}</a></sup>` : '';
      html = `<mark class="claim ${span.className}" data-claim="${span.number}"${id} title="${escapeHtml(span.title)}">${html}${label}</mark>`;
    }
    out.push(html);
  }
  return out.join('');
}
