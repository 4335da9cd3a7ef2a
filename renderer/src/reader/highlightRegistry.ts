/**
 * Claim highlights with the CSS Custom Highlight API: a few shared Highlight objects in
 * CSS.highlights (one per verdict level and overlap layer, one for unrated claims, one for the
 * selected claim), styled by ::highlight() rules generated from the project's rating scale.
 * The article DOM is never touched.
 */
import type { RatingLevel } from '../../../shared/model';
import { MAX_LAYERS } from './claimLayers';

const STYLE_ELEMENT_ID = 'claim-highlight-styles';
const UNRATED_COLOR = '#6f7f9e';
const SELECTED_COLOR = '#1f5fbf';
export const SELECTED_HIGHLIGHT = 'claim-selected';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Highlight name for a claim with a verdict level index (or -1 for unrated) on an overlap layer. */
export function highlightName(levelIndex: number, layer: number): string {
  return levelIndex < 0 ? `claim-unrated-${layer}` : `claim-level-${levelIndex}-${layer}`;
}

function rgba(hex: string, alpha: number): string {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '6f7f9e';
  const n = Number.parseInt(value, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function rulesFor(name: string, color: string): string {
  return `::highlight(${name}) { background-color: ${rgba(color, 0.22)}; }`;
}

/** Writes the ::highlight() rules for a rating scale (idempotent). */
export function installHighlightStyles(levels: readonly RatingLevel[]): void {
  const rules: string[] = [];
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    rules.push(rulesFor(highlightName(-1, layer), UNRATED_COLOR));
    levels.forEach((level, index) => rules.push(rulesFor(highlightName(index, layer), level.color)));
  }
  rules.push(
    `::highlight(${SELECTED_HIGHLIGHT}) { background-color: ${rgba(SELECTED_COLOR, 0.05)}; color: #0b1830; text-decoration-line: underline; text-decoration-color: ${SELECTED_COLOR}; text-decoration-thickness: 2.5px; text-decoration-skip-ink: none; }`,
  );
  const css = rules.join('\n');
  let style = document.getElementById(STYLE_ELEMENT_ID) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ELEMENT_ID;
    document.head.appendChild(style);
  }
  if (style.textContent !== css) style.textContent = css;
}

const shared = new Map<string, Highlight>();

function highlightNamed(name: string, priority: number): Highlight {
  let highlight = shared.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = priority;
    shared.set(name, highlight);
  }
  if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
  return highlight;
}

/** Replaces every claim highlight's ranges by the given ones, grouped by highlight name. */
export function paintHighlights(groups: ReadonlyMap<string, Range[]>, selected: Range | null): void {
  if (!highlightsSupported()) return;
  for (const highlight of shared.values()) highlight.clear();
  for (const [name, ranges] of groups) {
    const highlight = highlightNamed(name, 1);
    for (const range of ranges) highlight.add(range);
  }
  if (selected) highlightNamed(SELECTED_HIGHLIGHT, 10).add(selected);
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const highlight of shared.values()) highlight.clear();
}
