/**
 * Claim highlights follow a change by moving only the ranges that changed: a verdict on one claim
 * takes its range out of one highlight and into another; every other painted range stays where it
 * was (not cleared and added again), and the selected claim's highlight is left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paintHighlights, paintSelected, SELECTED_HIGHLIGHT, RECHECK_HIGHLIGHT } from '../../../../renderer/src/reader/highlightRegistry';

/** A stand-in for the browser's Highlight (a set of ranges) that counts what was added and taken out. */
class FakeHighlight extends Set<object> {
  priority = 0;
  added = 0;
  deleted = 0;
  override add(value: object) {
    this.added++;
    return super.add(value);
  }
  override delete(value: object) {
    this.deleted++;
    return super.delete(value);
  }
}

const registry = new Map<string, FakeHighlight>();
class FakeRange {
  constructor(readonly label: string) {}
}
const range = (label: string) => new FakeRange(label) as unknown as Range;
const contents = (name: string) => [...(registry.get(name) ?? [])].map((r) => (r as unknown as { label: string }).label).sort();
const resetCounts = () => registry.forEach((h) => ((h.added = 0), (h.deleted = 0)));
const counts = () => [...registry.values()].reduce((sum, h) => sum + h.added + h.deleted, 0);

beforeEach(() => {
  (globalThis as Record<string, unknown>).CSS = { highlights: registry };
  (globalThis as Record<string, unknown>).Highlight = FakeHighlight;
  (globalThis as Record<string, unknown>).Range = FakeRange;
});
afterEach(() => {
  // The module keeps its Highlight objects: leave them empty for the next test.
  paintHighlights(new Map(), []);
  paintSelected(null);
  delete (globalThis as Record<string, unknown>).CSS;
  delete (globalThis as Record<string, unknown>).Highlight;
  delete (globalThis as Record<string, unknown>).Range;
});

describe('paintHighlights', () => {
  it('moves only the changed claim between highlights and keeps the rest in place', () => {
    const [a, b, c] = [range('a'), range('b'), range('c')];
    paintHighlights(new Map([['claim-unrated-0', [a, b, c]]]));
    paintSelected(range('sel'));
    expect(contents('claim-unrated-0')).toEqual(['a', 'b', 'c']);

    resetCounts();
    // A verdict on claim b: its range goes to the level's highlight.
    paintHighlights(new Map([['claim-unrated-0', [a, c]], ['claim-level-2-0', [b]]]));
    expect(contents('claim-unrated-0')).toEqual(['a', 'c']);
    expect(contents('claim-level-2-0')).toEqual(['b']);
    expect(counts()).toBe(2);
    expect(contents(SELECTED_HIGHLIGHT)).toEqual(['sel']);

    resetCounts();
    // The same ranges again (an edit that moved nothing): nothing is touched.
    paintHighlights(new Map([['claim-unrated-0', [a, c]], ['claim-level-2-0', [b]]]));
    expect(counts()).toBe(0);
  });

  it('empties highlights that are no longer wanted and follows the re-check marks', () => {
    const [a, b] = [range('a'), range('b')];
    paintHighlights(new Map([['claim-unrated-0', [a]], ['claim-level-1-1', [b]]]), [b]);
    expect(contents(RECHECK_HIGHLIGHT)).toEqual(['b']);
    paintHighlights(new Map([['claim-unrated-0', [a]]]), []);
    expect(contents('claim-level-1-1')).toEqual([]);
    expect(contents(RECHECK_HIGHLIGHT)).toEqual([]);
    expect(contents('claim-unrated-0')).toEqual(['a']);
  });
});
