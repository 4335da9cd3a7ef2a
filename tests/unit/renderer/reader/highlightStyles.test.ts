/**
 * A ::highlight() rule costs style work on every element of the page, drawn or not: the page carries
 * only the rules of highlights in use. A rule is written when its highlight first draws something, or
 * when a reader asks for an article's highlights before it is laid out, and stays; a scale whose
 * colours change rewrites the rules already in use.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RatingLevel } from '../../../../shared/model';
import { assignLayers, drawingOrder, type LayeredSpan } from '../../../../renderer/src/reader/claimLayers';

type Registry = typeof import('../../../../renderer/src/reader/highlightRegistry');
type Styles = typeof import('../../../../renderer/src/reader/highlightStyles');

const levels: RatingLevel[] = [
  { id: 'true', label: 'True', color: '#2e7d32' },
  { id: 'false', label: 'False', color: '#c62828' },
] as RatingLevel[];

class FakeHighlight extends Set<object> {
  priority = 0;
}
class FakeRange {}

let registry: Registry;
let styles: Styles;
const rules = () => styles.writtenHighlightStyles().split('\n').filter(Boolean).map((rule) => /^::highlight\(([^)]+)\)/.exec(rule)?.[1]);

beforeEach(async () => {
  (globalThis as Record<string, unknown>).CSS = { highlights: new Map() };
  (globalThis as Record<string, unknown>).Highlight = FakeHighlight;
  (globalThis as Record<string, unknown>).Range = FakeRange;
  // Each test starts with a page that has no rules yet (the module keeps them for the session).
  vi.resetModules();
  registry = await import('../../../../renderer/src/reader/highlightRegistry');
  styles = await import('../../../../renderer/src/reader/highlightStyles');
  registry.defineClaimHighlightStyles(levels);
});

afterEach(() => {
  for (const name of ['CSS', 'Highlight', 'Range']) delete (globalThis as Record<string, unknown>)[name];
});

const range = () => new FakeRange() as Range;

describe('highlight rules in the page', () => {
  it('are written only for the highlights that draw something', () => {
    expect(rules()).toEqual([]);
    registry.paintHighlights(new Map([['claim-level-1-0', [range()]], ['claim-unrated-0', []]]));
    registry.paintSelected(null);
    registry.paintFindMatches([], []);
    registry.paintSuggestions([], null);
    expect(rules()).toEqual(['claim-level-1-0']);

    registry.paintSelected(range());
    registry.paintFindMatches([range()], []);
    expect(rules()).toEqual(['claim-level-1-0', 'claim-selected', 'find-match']);
  });

  it('stay once written, and are not written twice', () => {
    registry.paintHighlights(new Map([['claim-level-0-0', [range()]]]));
    const written = styles.writtenHighlightStyles();
    registry.paintHighlights(new Map());
    registry.paintHighlights(new Map([['claim-level-0-0', [range()]]]));
    expect(styles.writtenHighlightStyles()).toBe(written);
  });

  it('follow a scale whose colours changed, for the highlights in use only', () => {
    registry.paintHighlights(new Map([['claim-level-1-0', [range()]]]));
    expect(styles.writtenHighlightStyles()).toContain('rgba(198, 40, 40, 0.22)');
    registry.defineClaimHighlightStyles([levels[0], { ...levels[1], color: '#000080' }]);
    expect(styles.writtenHighlightStyles()).toContain('rgba(0, 0, 128, 0.22)');
    expect(rules()).toEqual(['claim-level-1-0']);
  });
});

describe('the claim highlights asked for', () => {
  const spans: LayeredSpan[] = [
    { id: 'a', start: 0, end: 20, index: 0, layer: 0 },
    { id: 'b', start: 5, end: 10, index: 1, layer: 0 },
    { id: 'c', start: 30, end: 40, index: 2, layer: 0 },
  ].sort(drawingOrder);
  assignLayers(spans);
  const level: Record<string, number> = { a: 0, b: 1, c: -1 };

  it("before the first layout: each claim's level on its overlap layer, and the selected claim's highlight", () => {
    const names = registry.claimHighlightsInUse(spans, (span) => level[span.id], false);
    expect(names.sort()).toEqual(['claim-level-0-0', 'claim-level-1-1', 'claim-selected', 'claim-unrated-0']);
    expect(registry.claimHighlightsInUse(spans, (span) => level[span.id], true)).toContain('claim-recheck');
  });

  it('when idle: every level on each layer in use, so a verdict adds none', () => {
    expect(registry.claimHighlightsOnLayers(1, 2).sort()).toEqual([
      'claim-level-0-0',
      'claim-level-0-1',
      'claim-level-1-0',
      'claim-level-1-1',
      'claim-unrated-0',
      'claim-unrated-1',
    ]);
  });
});
