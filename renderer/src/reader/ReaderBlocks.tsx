/**
 * The article's blocks in the reader, windowed for long articles: only the blocks in and near view
 * are in the DOM (@tanstack/react-virtual, each measured once rendered), spacers stand in for the
 * rest, and blocks where a selection starts or ends stay rendered so the selection survives
 * scrolling. A long article's window moves by groups of consecutive blocks (see groupBlocks), each
 * block still in a slot of its own. Short articles render every block. Each block element keeps data-block-index, so
 * canonical offsets map to the DOM exactly as before. The reader is told which blocks to draw
 * highlights in: the rendered ones, and with `nearOnly` only those in and near view (the browser
 * re-validates every highlight range whenever one highlight changes, so thousands of ranges drawn
 * at once would slow every frame: a selection, a verdict, a redo).
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Block } from '../../../shared/model';
import { cssZoom } from '../app/appearance';
import { BLOCK_ATTRIBUTE } from './blockElements';
import { blocksOfGroups, estimateBlockHeight, FULL_RENDER_MAX_CHARS, GROUP_MAX_BLOCKS, GROUP_MAX_CHARS, groupBlocks, groupOf, nearItems, OVERSCAN_PX, windowPieces, withKept, type TextMetrics } from './blockWindow';

export interface ReaderBlocksHandle {
  /** Scrolls a block (rendered or not) to the middle of the reader. */
  scrollToBlock(index: number): void;
}

interface ReaderBlocksProps {
  blocks: readonly Block[];
  textLength: number;
  titleIsFirstBlock: boolean;
  /** The reader's scroll container and its body element, once they are in the DOM. */
  scroller: HTMLElement | null;
  body: HTMLElement | null;
  /** Block indexes kept rendered even when out of view (a selection's ends); a stable array. */
  keep: readonly number[];
  /** Highlights only in the blocks in and near view, though a short article renders every block (many highlights). */
  nearOnly: boolean;
  /** Called after each commit that changed which blocks highlights are drawn in (sorted indexes). */
  onDrawn: (indexes: readonly number[]) => void;
}

/** Items (blocks, or groups of blocks in a long article) rendered beyond the visible ones, above and below. */
const OVERSCAN_ITEMS = 1;
const DEFAULT_METRICS: TextMetrics = { charsPerLine: 70, lineHeight: 30.6, gap: 18.9 };

function renderBlock(block: Block, index: number, isTitle: boolean): ReactNode {
  const props = { [BLOCK_ATTRIBUTE]: index };
  if (isTitle) {
    return (
      <h1 {...props} className="reader-title reader-title-block">
        {block.text}
      </h1>
    );
  }
  switch (block.type) {
    case 'heading':
      return (block.level ?? 2) <= 2 ? (
        <h2 {...props} className="reader-heading">
          {block.text}
        </h2>
      ) : (
        <h3 {...props} className="reader-heading reader-heading-minor">
          {block.text}
        </h3>
      );
    case 'quote':
      return (
        <blockquote {...props} className="reader-quote">
          {block.text}
        </blockquote>
      );
    case 'listItem':
      return (
        <div {...props} className="reader-list-item">
          {block.text}
        </div>
      );
    case 'preformatted':
      return (
        <pre {...props} className="reader-pre">
          {block.text}
        </pre>
      );
    case 'caption':
      return (
        <p {...props} className="reader-caption">
          {block.text}
        </p>
      );
    case 'tableCell':
      return (
        <p {...props} className="reader-table-cell">
          {block.text}
        </p>
      );
    default:
      return (
        <p {...props} className="reader-paragraph">
          {block.text}
        </p>
      );
  }
}

interface BlockSlotProps {
  block: Block;
  index: number;
  isTitle: boolean;
  /** "p. N" before the first block of each page of a PDF (outside every block: not part of the text). */
  page: number | null;
  /** The window's measure, when the slot is an item of its own (not part of a group). */
  measure?: (element: Element | null) => void;
}

interface GroupSlotProps {
  blocks: readonly Block[];
  group: number;
  first: number;
  end: number;
  titleIsFirstBlock: boolean;
  measure: (element: Element | null) => void;
}

// A group of blocks is one item of the window: measured as a whole, each block keeping its own slot.
const GroupSlot = memo(function GroupSlot({ blocks, group, first, end, titleIsFirstBlock, measure }: GroupSlotProps) {
  const slots: ReactNode[] = [];
  for (let index = first; index < end; index++) {
    slots.push(<BlockSlot key={index} block={blocks[index]} index={index} isTitle={titleIsFirstBlock && index === 0} page={pageBefore(blocks, index)} />);
  }
  return (
    <div className="reader-block-group" data-index={group} ref={measure}>
      {slots}
    </div>
  );
});

// One slot per block: its own formatting context, so its height (margins included) is what the window measures.
const BlockSlot = memo(function BlockSlot({ block, index, isTitle, page, measure }: BlockSlotProps) {
  return (
    <div className="reader-block-slot" data-index={measure ? index : undefined} ref={measure}>
      {page !== null && (
        <div className="reader-page-marker" aria-hidden="true" data-page={page}>
          p. {page}
        </div>
      )}
      {renderBlock(block, index, isTitle)}
    </div>
  );
});

function pageBefore(blocks: readonly Block[], index: number): number | null {
  const page = blocks[index].page;
  if (page === undefined || (index > 0 && blocks[index - 1].page === page)) return null;
  return page;
}

export const ReaderBlocks = memo(
  forwardRef<ReaderBlocksHandle, ReaderBlocksProps>(function ReaderBlocks({ blocks, textLength, titleIsFirstBlock, scroller, body, keep, nearOnly, onDrawn }, handle) {
    const full = textLength <= FULL_RENDER_MAX_CHARS;
    // The window's items: each block of a short article, groups of blocks in a long one.
    const groupStarts = useMemo(
      () => groupBlocks(Int32Array.from(blocks, (block) => block.text.length), full ? 0 : GROUP_MAX_CHARS, full ? 1 : GROUP_MAX_BLOCKS),
      [blocks, full],
    );
    const count = groupStarts.length - 1;
    const [metrics, setMetrics] = useState(DEFAULT_METRICS);
    const [scrollMargin, setScrollMargin] = useState(0);

    const keptItems = useMemo(() => keep.filter((index) => index >= 0 && index < blocks.length).map((index) => groupOf(groupStarts, index)), [keep, groupStarts, blocks.length]);
    const rangeExtractor = useCallback(
      (range: Range) => (full ? Array.from({ length: range.count }, (_, i) => i) : withKept(defaultRangeExtractor(range), keptItems, range.count)),
      [full, keptItems],
    );
    // Stable while the blocks and the measure stay: a new function would make the window re-estimate every item.
    // The window re-reads every unmeasured item's estimate after each measurement: read them from one array.
    const estimates = useMemo(() => {
      const sizes = new Float64Array(count);
      for (let group = 0; group < count; group++) {
        for (let index = groupStarts[group]; index < groupStarts[group + 1]; index++) sizes[group] += estimateBlockHeight(blocks[index].text.length, metrics);
      }
      return sizes;
    }, [blocks, groupStarts, count, metrics]);
    const estimateSize = useCallback((index: number) => estimates[index] ?? metrics.lineHeight, [estimates, metrics]);
    const measureElement = useCallback((element: Element) => element.getBoundingClientRect().height / cssZoom(element), []);
    const virtualizer = useVirtualizer({
      count,
      getScrollElement: () => scroller,
      estimateSize,
      overscan: OVERSCAN_ITEMS,
      scrollMargin,
      rangeExtractor,
      // In the element's own CSS pixels (the text size zooms the page; scroll offsets are not zoomed).
      measureElement,
    });

    // The browser's scroll anchoring keeps the text in view still when a block above it is rendered at its
    // real height; the window adjusting the scroll as well would move it twice.
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;

    useImperativeHandle(handle, () => ({ scrollToBlock: (index) => virtualizer.scrollToIndex(groupOf(groupStarts, index), { align: 'center' }) }), [virtualizer, groupStarts]);

    // The reader's measure (for estimates) and where the body starts below the article's header.
    useLayoutEffect(() => {
      const page = body?.parentElement;
      if (!body || !scroller || !page) return;
      const measure = () => {
        const zoom = cssZoom(body);
        const top = (body.getBoundingClientRect().top - scroller.getBoundingClientRect().top) / zoom + scroller.scrollTop;
        setScrollMargin((current) => (Math.abs(current - top) > 0.5 ? top : current));
        const style = getComputedStyle(body);
        const fontSize = Number.parseFloat(style.fontSize) || 18;
        const width = body.clientWidth || 600;
        setMetrics((current) => {
          const next = { charsPerLine: Math.max(10, Math.floor(width / (fontSize * 0.47))), lineHeight: fontSize * 1.7, gap: fontSize * 1.05 };
          return Math.abs(next.charsPerLine - current.charsPerLine) > 1 || next.lineHeight !== current.lineHeight ? next : current;
        });
      };
      measure();
      const observer = new ResizeObserver(measure);
      // The header above the body and the reader's own size; not the body, whose height changes as blocks are measured.
      for (const child of page.children) if (child !== body) observer.observe(child);
      observer.observe(scroller);
      return () => observer.disconnect();
    }, [body, scroller]);

    const items = virtualizer.getVirtualItems();
    const drawn = full && nearOnly ? nearItems(virtualizer.measurementsCache, virtualizer.range, OVERSCAN_PX) : items.map((item) => item.index);
    const drawnKey = drawn.join(',');
    const reported = useRef<string | null>(null);
    useLayoutEffect(() => {
      if (reported.current === drawnKey) return;
      reported.current = drawnKey;
      onDrawn(blocksOfGroups(drawn, groupStarts));
    });

    const pieces = windowPieces(items, scrollMargin, virtualizer.getTotalSize() + scrollMargin);
    return (
      <>
        {pieces.map((piece) =>
          piece.kind === 'spacer' ? (
            <div key={piece.key} className="reader-spacer" aria-hidden="true" style={{ height: piece.height }} />
          ) : groupStarts[piece.item.index + 1] - groupStarts[piece.item.index] === 1 ? (
            <BlockSlot
              key={piece.item.index}
              block={blocks[groupStarts[piece.item.index]]}
              index={groupStarts[piece.item.index]}
              isTitle={titleIsFirstBlock && groupStarts[piece.item.index] === 0}
              page={pageBefore(blocks, groupStarts[piece.item.index])}
              measure={virtualizer.measureElement}
            />
          ) : (
            <GroupSlot
              key={piece.item.index}
              blocks={blocks}
              group={piece.item.index}
              first={groupStarts[piece.item.index]}
              end={groupStarts[piece.item.index + 1]}
              titleIsFirstBlock={titleIsFirstBlock}
              measure={virtualizer.measureElement}
            />
          ),
        )}
      </>
    );
  }),
);
