// @vitest-environment jsdom
/**
 * The reader's DOM ↔ text mapping: a selection becomes offsets of the canonical text, offsets
 * become a DOM Range, and the caret under the mouse becomes an offset. Blocks are joined by "\n\n"
 * in the canonical text; highlights split a block's text into several nodes. Right-to-left text and
 * characters outside the Basic Multilingual Plane (two UTF-16 units) map like any other.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { caretFromPoint } from '../../../../renderer/src/reader/caretFromPoint';
import { offsetToPoint, offsetsToRange } from '../../../../renderer/src/reader/offsetsToRange';
import { pointToOffset, rangeToOffsets, selectionToOffsets, type ReaderGeometry } from '../../../../renderer/src/reader/selectionToOffsets';

const BLOCKS = [
  'The minister said 40 ships a week will use the quay.',
  'قال الوزير إن أربعين سفينة ستستخدم الرصيف كل أسبوع.',
  'Emoji 🚢 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 count as two code units each.',
  'שר התחבורה אמר כי הרציף ייפתח במרץ.',
];

function geometryOf(blocks: readonly string[]): ReaderGeometry {
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    at += block.length + 2;
  }
  return { text: blocks.join('\n\n'), starts, lengths: blocks.map((b) => b.length) };
}

/**
 * Renders the blocks as the reader does (one element per block with data-block-index, RTL blocks
 * with dir="rtl"), wrapping each `marks` span (may overlap) in nested <mark> elements so the text is
 * split at every claim boundary.
 */
function render(blocks: readonly string[], marks: ReadonlyArray<{ start: number; end: number }> = []): HTMLElement {
  document.body.innerHTML = '';
  const container = document.createElement('article');
  const geometry = geometryOf(blocks);
  blocks.forEach((block, index) => {
    const p = document.createElement('p');
    p.setAttribute('data-block-index', String(index));
    if (/[\u0590-\u08ff]/.test(block)) p.dir = 'rtl';
    const base = geometry.starts[index]!;
    const cuts = new Set([0, block.length]);
    for (const m of marks) {
      for (const edge of [m.start - base, m.end - base]) if (edge > 0 && edge < block.length) cuts.add(edge);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      let parent: Node = p;
      const covering = marks.filter((m) => m.start - base <= from && m.end - base >= to);
      for (const _ of covering) {
        const mark = document.createElement('mark');
        parent.appendChild(mark);
        parent = mark;
      }
      parent.appendChild(document.createTextNode(block.slice(from, to)));
    }
    container.appendChild(p);
  });
  document.body.appendChild(container);
  return container;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const geometry = geometryOf(BLOCKS);
const textOf = (span: { start: number; end: number }) => geometry.text.slice(span.start, span.end);
const blockRange = (container: HTMLElement) => container.querySelectorAll('p');

describe('selection → offsets', () => {
  it('maps a selection inside one block to the characters selected', () => {
    const container = render(BLOCKS);
    const node = blockRange(container)[0]!.firstChild!;
    const range = document.createRange();
    range.setStart(node, 18);
    range.setEnd(node, 32);
    const span = rangeToOffsets(container, range, geometry);
    expect(span && textOf(span)).toBe('40 ships a wee');
  });

  it('maps a selection across blocks over the joints, trimming the whitespace at its ends', () => {
    const container = render(BLOCKS);
    const p = blockRange(container);
    const range = document.createRange();
    range.setStart(p[0]!.firstChild!, 46);
    range.setEnd(p[2]!.firstChild!, 5);
    const span = rangeToOffsets(container, range, geometry)!;
    expect(textOf(span)).toBe(`quay.\n\n${BLOCKS[1]}\n\nEmoji`);
  });

  it('maps a selection in right-to-left text by its logical order', () => {
    const container = render(BLOCKS);
    const node = blockRange(container)[3]!.firstChild!;
    const at = BLOCKS[3]!.indexOf('הרציף');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'הרציף ייפתח'.length);
    expect(textOf(rangeToOffsets(container, range, geometry)!)).toBe('הרציף ייפתח');
  });

  it('counts a character outside the Basic Multilingual Plane as its two code units', () => {
    const container = render(BLOCKS);
    const node = blockRange(container)[2]!.firstChild!;
    const at = BLOCKS[2]!.indexOf('🚢');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + '🚢 and 𝔘𝔫𝔦'.length);
    const span = rangeToOffsets(container, range, geometry)!;
    expect(span.start).toBe(geometry.starts[2]! + at);
    expect(textOf(span)).toBe('🚢 and 𝔘𝔫𝔦');
  });

  it('ignores a selection that is collapsed, blank or outside the reader', () => {
    const container = render(BLOCKS);
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.appendChild(outside);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(selectionToOffsets(container, selection, geometry)).toBeNull();
    const range = document.createRange();
    range.setStart(outside.firstChild!, 0);
    range.setEnd(outside.firstChild!, 4);
    selection.addRange(range);
    expect(selectionToOffsets(container, selection, geometry)).toBeNull();
    // Only the joint between two blocks: nothing to mark.
    selection.removeAllRanges();
    const joint = document.createRange();
    joint.setStart(blockRange(container)[0]!.firstChild!, BLOCKS[0]!.length);
    joint.setEnd(blockRange(container)[1]!.firstChild!, 0);
    selection.addRange(joint);
    expect(selectionToOffsets(container, selection, geometry)).toBeNull();
  });
});

describe('offsets → range', () => {
  it('a range over text split by overlapping claim highlights reads exactly the span', () => {
    const claims = [
      { start: 18, end: 38 },
      { start: 27, end: 52 },
      { start: geometry.starts[2]! + 6, end: geometry.starts[2]! + 20 },
    ];
    const container = render(BLOCKS, claims);
    // The overlapping claims split the first block into several nested text nodes.
    expect(container.querySelectorAll('p')[0]!.querySelectorAll('mark mark').length).toBeGreaterThan(0);
    for (const claim of claims) {
      const range = offsetsToRange(container, claim, geometry)!;
      expect(range.toString()).toBe(textOf(claim));
      expect(rangeToOffsets(container, range, geometry)).toEqual(claim);
    }
  });

  it('round trips every span (property): offsets → range → offsets gives the span without its outer whitespace', () => {
    const claims = [
      { start: 5, end: 30 },
      { start: 20, end: geometry.starts[1]! + 10 },
      { start: geometry.starts[2]! + 4, end: geometry.starts[3]! + 8 },
    ];
    const container = render(BLOCKS, claims);
    const n = geometry.text.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }), (a, b) => {
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        const range = offsetsToRange(container, span, geometry);
        if (span.end <= span.start) {
          expect(range).toBeNull();
          return;
        }
        const back = rangeToOffsets(container, range!, geometry);
        const trimmed = geometry.text.slice(span.start, span.end);
        if (trimmed.trim() === '') {
          expect(back).toBeNull();
          return;
        }
        const lead = trimmed.length - trimmed.trimStart().length;
        const trail = trimmed.length - trimmed.trimEnd().length;
        expect(back).toEqual({ start: span.start + lead, end: span.end - trail });
        // The DOM has no joints: the range reads the span's characters with the "\n\n" between blocks left out.
        expect(range!.toString()).toBe(trimmed.replace(/\n/g, ''));
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('an offset in a joint goes to the next block for a start and the previous block for an end', () => {
    const container = render(BLOCKS);
    const joint = geometry.starts[1]! - 1;
    const p = blockRange(container);
    expect(offsetToPoint(container, joint, geometry, 'start')!.node.parentElement).toBe(p[1]);
    expect(offsetToPoint(container, joint, geometry, 'end')!.node.parentElement).toBe(p[0]);
    expect(offsetsToRange(container, { start: 4, end: 4 }, geometry)).toBeNull();
  });
});

describe('caret from point', () => {
  it('takes the standard caret position, maps it to an offset inside right-to-left text', () => {
    const container = render(BLOCKS);
    const node = blockRange(container)[1]!.firstChild!;
    const doc = { caretPositionFromPoint: () => ({ offsetNode: node, offset: 4 }) } as unknown as Document;
    const caret = caretFromPoint(doc, 10, 10)!;
    expect(pointToOffset(container, caret.node, caret.offset, geometry)).toBe(geometry.starts[1]! + 4);
  });

  it('falls back to the WebKit call, and gives null where the browser has neither or finds nothing', () => {
    const container = render(BLOCKS);
    const node = blockRange(container)[2]!.firstChild!;
    const range = document.createRange();
    range.setStart(node, BLOCKS[2]!.indexOf('𝔘'));
    const webkit = { caretRangeFromPoint: () => range } as unknown as Document;
    const caret = caretFromPoint(webkit, 1, 1)!;
    expect(geometry.text.slice(pointToOffset(container, caret.node, caret.offset, geometry)!).startsWith('𝔘𝔫')).toBe(true);
    expect(caretFromPoint({} as Document, 1, 1)).toBeNull();
    expect(caretFromPoint({ caretPositionFromPoint: () => null } as unknown as Document, 1, 1)).toBeNull();
    // A caret outside the reader has no offset.
    expect(pointToOffset(container, document.body, 0, geometry)).toBeNull();
  });
});
