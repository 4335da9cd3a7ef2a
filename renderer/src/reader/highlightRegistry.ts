/**
 * Claim highlights with the CSS Custom Highlight API: a few shared Highlight objects in
 * CSS.highlights (one per verdict level and overlap layer, one for unrated claims, one for the
 * selected claim), styled by ::highlight() rules generated from the project's rating scale.
 * The article DOM is never touched.
 */
import type { RatingLevel } from '../../../shared/model';
import { MAX_LAYERS } from './claimLayers';

const UNRATED_COLOR = '#6f7f9e';
const SELECTED_COLOR = '#1f5fbf';
export const SELECTED_HIGHLIGHT = 'claim-selected';
/** Claims whose wording changed after an update (awaiting review or needing a new verdict). */
export const RECHECK_HIGHLIGHT = 'claim-recheck';
const RECHECK_COLOR = '#c2410c';

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

/** Layers stack translucent backgrounds; the deepest layer also gets a dotted underline so a third overlapping claim stays distinct. */
function rulesFor(name: string, color: string, layer: number): string {
  const deep = layer >= MAX_LAYERS - 1 ? ` text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${rgba(color, 0.9)}; text-decoration-thickness: 2px;` : '';
  return `::highlight(${name}) { background-color: ${rgba(color, 0.22)};${deep} }`;
}

/** Writes the ::highlight() rules for a rating scale (idempotent). */
export function installHighlightStyles(levels: readonly RatingLevel[]): void {
  const rules: string[] = [];
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    rules.push(rulesFor(highlightName(-1, layer), UNRATED_COLOR, layer));
    levels.forEach((level, index) => rules.push(rulesFor(highlightName(index, layer), level.color, layer)));
  }
  rules.push(
    `::highlight(${SELECTED_HIGHLIGHT}) { background-color: ${rgba(SELECTED_COLOR, 0.05)}; color: var(--selection-ink, #0b1830); text-decoration-line: underline; text-decoration-color: ${SELECTED_COLOR}; text-decoration-thickness: 2.5px; text-decoration-skip-ink: none; }`,
  );
  rules.push(
    `::highlight(${RECHECK_HIGHLIGHT}) { text-decoration-line: underline; text-decoration-style: wavy; text-decoration-color: ${RECHECK_COLOR}; text-decoration-thickness: 1.5px; text-decoration-skip-ink: none; }`,
  );
  const css = rules.join('\n');
  if (css === installedCss) return;
  // A constructed stylesheet is CSSOM, which the CSP's style-src 'self' allows (an injected <style> it refuses).
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(css);
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  installedCss = css;
}

let sheet: CSSStyleSheet | null = null;
let installedCss = '';

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

/**
 * Makes the claim highlights (not the selected claim's) hold exactly the given ranges, grouped by
 * highlight name: only ranges that moved are taken out or added (a verdict moves one claim's ranges
 * to another highlight), so one change does not re-register every painted claim.
 */
export function paintHighlights(groups: ReadonlyMap<string, readonly Range[]>, recheck: readonly Range[] = []): void {
  if (!highlightsSupported()) return;
  const wanted = new Map<string, readonly Range[]>(groups);
  wanted.set(RECHECK_HIGHLIGHT, recheck);
  for (const [name, highlight] of shared) if (name !== SELECTED_HIGHLIGHT && !wanted.has(name)) highlight.clear();
  for (const [name, ranges] of wanted) {
    if (ranges.length === 0 && !shared.has(name)) continue;
    syncRanges(highlightNamed(name, name === RECHECK_HIGHLIGHT ? 5 : 1), ranges);
  }
}

/** Takes out of a highlight the ranges not in `ranges` and adds the missing ones. */
export function syncRanges(highlight: Highlight, ranges: readonly Range[]): void {
  const next = new Set(ranges);
  const gone: AbstractRange[] = [];
  for (const range of highlight) if (!next.has(range as Range)) gone.push(range);
  for (const range of gone) highlight.delete(range);
  for (const range of next) if (!highlight.has(range)) highlight.add(range);
}

/** Draws the selected claim alone, so selecting another claim does not repaint the others. */
export function paintSelected(selected: Range | readonly Range[] | null): void {
  if (!highlightsSupported()) return;
  const highlight = highlightNamed(SELECTED_HIGHLIGHT, 10);
  highlight.clear();
  for (const range of asList(selected)) highlight.add(range);
}

function asList(ranges: Range | readonly Range[] | null): readonly Range[] {
  return ranges === null ? [] : ranges instanceof Range ? [ranges] : ranges;
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const highlight of shared.values()) highlight.clear();
}

/** Suggested passages: their own quiet highlight (styled in suggestions.css), under every claim. */
export const SUGGESTION_HIGHLIGHT = 'claim-suggestion';
/** The suggestion selected in the list or under the pointer. */
export const ACTIVE_SUGGESTION_HIGHLIGHT = 'claim-suggestion-active';

// Kept apart from the claims' highlights, which a claim repaint clears.
const suggestionLayers = new Map<string, Highlight>();

function suggestionLayer(name: string, priority: number): Highlight {
  let highlight = suggestionLayers.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = priority;
    suggestionLayers.set(name, highlight);
  }
  if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
  return highlight;
}

/** Replaces the suggestion highlights (none when `ranges` is empty). */
export function paintSuggestions(ranges: readonly Range[], active: Range | readonly Range[] | null): void {
  if (!highlightsSupported()) return;
  const all = suggestionLayer(SUGGESTION_HIGHLIGHT, 0);
  const current = suggestionLayer(ACTIVE_SUGGESTION_HIGHLIGHT, 2);
  all.clear();
  current.clear();
  for (const range of ranges) all.add(range);
  for (const range of asList(active)) current.add(range);
}

/** Matches of Find in article (styled in reader.css): every match, and the current one above everything. */
export const FIND_HIGHLIGHT = 'find-match';
export const CURRENT_FIND_HIGHLIGHT = 'find-current';

/** Replaces the find highlights (none when both are empty). */
export function paintFindMatches(ranges: readonly Range[], current: readonly Range[]): void {
  if (!highlightsSupported()) return;
  const all = suggestionLayer(FIND_HIGHLIGHT, 3);
  const here = suggestionLayer(CURRENT_FIND_HIGHLIGHT, 20);
  all.clear();
  here.clear();
  for (const range of ranges) all.add(range);
  for (const range of current) here.add(range);
}
