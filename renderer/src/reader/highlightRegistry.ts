/**
 * Claim highlights with the CSS Custom Highlight API: a few shared Highlight objects in
 * CSS.highlights (one per verdict level and overlap layer, one for unrated claims, one for the
 * selected claim), styled by ::highlight() rules generated from the project's rating scale, and
 * the highlights of suggestions and Find. A highlight's rule is written once it draws something
 * (highlightStyles.ts). The article DOM is never touched.
 */
import type { RatingLevel } from '../../../shared/model';
import { MAX_LAYERS } from './claimLayers';
import { defineHighlightStyle, ensureHighlightStyles } from './highlightStyles';

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
function claimStyle(color: string, layer: number): string {
  const deep = layer >= MAX_LAYERS - 1 ? ` text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${rgba(color, 0.9)}; text-decoration-thickness: 2px;` : '';
  return `background-color: ${rgba(color, 0.22)};${deep}`;
}

/** Sets the look of every claim highlight for a rating scale (written once a highlight is in use). */
export function defineClaimHighlightStyles(levels: readonly RatingLevel[]): void {
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    defineHighlightStyle(highlightName(-1, layer), claimStyle(UNRATED_COLOR, layer));
    levels.forEach((level, index) => defineHighlightStyle(highlightName(index, layer), claimStyle(level.color, layer)));
  }
}

defineHighlightStyle(
  SELECTED_HIGHLIGHT,
  `background-color: ${rgba(SELECTED_COLOR, 0.05)}; color: var(--selection-ink, #0b1830); text-decoration-line: underline; text-decoration-color: ${SELECTED_COLOR}; text-decoration-thickness: 2.5px; text-decoration-skip-ink: none;`,
);
defineHighlightStyle(
  RECHECK_HIGHLIGHT,
  `text-decoration-line: underline; text-decoration-style: wavy; text-decoration-color: ${RECHECK_COLOR}; text-decoration-thickness: 1.5px; text-decoration-skip-ink: none;`,
);

/**
 * The highlights an article's claims draw in (each claim's level on its overlap layer, the layers
 * assigned among all of them), the selected claim's, and the re-check marks': asked for before the
 * article is first laid out.
 */
export function claimHighlightsInUse<T extends { layer: number }>(spans: Iterable<T>, levelOf: (span: T) => number, recheck: boolean): string[] {
  const names = new Set<string>([SELECTED_HIGHLIGHT]);
  if (recheck) names.add(RECHECK_HIGHLIGHT);
  for (const span of spans) names.add(highlightName(levelOf(span), span.layer));
  return [...names];
}

/** Every level's highlight (and unrated's) on each layer up to `deepest`: asked for once the window is idle, so a verdict never adds a rule. */
export function claimHighlightsOnLayers(deepest: number, levelCount: number): string[] {
  const names: string[] = [];
  for (let layer = 0; layer <= deepest; layer++) for (let level = -1; level < levelCount; level++) names.push(highlightName(level, layer));
  return names;
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
  const drawing: string[] = [];
  for (const [name, ranges] of wanted) {
    if (ranges.length === 0 && !shared.has(name)) continue;
    syncRanges(highlightNamed(name, name === RECHECK_HIGHLIGHT ? 5 : 1), ranges);
    if (ranges.length > 0) drawing.push(name);
  }
  ensureHighlightStyles(drawing);
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
  fill(highlightNamed(SELECTED_HIGHLIGHT, 10), SELECTED_HIGHLIGHT, asList(selected));
}

/** Makes a highlight hold exactly these ranges; its rule is written when it first draws something. */
function fill(highlight: Highlight, name: string, ranges: readonly Range[]): void {
  highlight.clear();
  for (const range of ranges) highlight.add(range);
  if (ranges.length > 0) ensureHighlightStyles([name]);
}

function asList(ranges: Range | readonly Range[] | null): readonly Range[] {
  return ranges === null ? [] : ranges instanceof Range ? [ranges] : ranges;
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const highlight of shared.values()) highlight.clear();
}

/** Suggested passages: their own quiet highlight, under every claim. */
export const SUGGESTION_HIGHLIGHT = 'claim-suggestion';
/** The suggestion selected in the list or under the pointer. */
export const ACTIVE_SUGGESTION_HIGHLIGHT = 'claim-suggestion-active';
// Their colours are suggestions.css's --suggestion variables (light and dark).
const SUGGESTION_LINE = 'text-decoration-line: underline; text-decoration-color: var(--suggestion); text-underline-offset: 3px; text-decoration-skip-ink: none;';
defineHighlightStyle(SUGGESTION_HIGHLIGHT, `${SUGGESTION_LINE} text-decoration-style: dashed; text-decoration-thickness: 1px;`);
defineHighlightStyle(ACTIVE_SUGGESTION_HIGHLIGHT, `${SUGGESTION_LINE} background-color: var(--suggestion-wash); text-decoration-style: solid; text-decoration-thickness: 2px;`);

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
  fill(suggestionLayer(SUGGESTION_HIGHLIGHT, 0), SUGGESTION_HIGHLIGHT, ranges);
  fill(suggestionLayer(ACTIVE_SUGGESTION_HIGHLIGHT, 2), ACTIVE_SUGGESTION_HIGHLIGHT, asList(active));
}

/** Matches of Find in article: every match, and the current one above everything. */
export const FIND_HIGHLIGHT = 'find-match';
export const CURRENT_FIND_HIGHLIGHT = 'find-current';
defineHighlightStyle(FIND_HIGHLIGHT, 'background-color: light-dark(rgba(250, 204, 21, 0.45), rgba(234, 179, 8, 0.35));');
defineHighlightStyle(CURRENT_FIND_HIGHLIGHT, 'background-color: light-dark(rgba(249, 115, 22, 0.6), rgba(249, 115, 22, 0.55)); color: light-dark(#1c1208, #fff7ed);');

/** Replaces the find highlights (none when both are empty). */
export function paintFindMatches(ranges: readonly Range[], current: readonly Range[]): void {
  if (!highlightsSupported()) return;
  fill(suggestionLayer(FIND_HIGHLIGHT, 3), FIND_HIGHLIGHT, ranges);
  fill(suggestionLayer(CURRENT_FIND_HIGHLIGHT, 20), CURRENT_FIND_HIGHLIGHT, current);
}
