/**
 * The reader: an article's blocks as plain React text (never injected HTML), each block element
 * carrying data-block-index, windowed for long articles (ReaderBlocks). Claims, suggestions and
 * find matches are drawn with the CSS Custom Highlight API in the rendered blocks only (and with
 * many claims only near view), again as those change; a click on text selects the innermost claim there (cycling on repeated clicks);
 * selecting a claim elsewhere scrolls its passage into view, rendering its block first if needed.
 */
import { memo, useCallback, useEffect, useInsertionEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { blockStarts } from '../../../shared/articles/canonicalText';
import type { Article, Claim, RatingLevel } from '../../../shared/model';
import { BLOCK_ATTRIBUTE, blockElements } from './blockElements';
import { caretFromPoint } from './caretFromPoint';
import { useTextIndexWhenIdle } from './useTextIndexWhenIdle';
import type { LayeredSpan, PlacedSpan } from './claimLayers';
import { placeArticleClaims, type ClaimPlacement } from './claimPlacement';
import { claimHighlightsInUse, claimHighlightsOnLayers, defineClaimHighlightStyles, highlightName, paintHighlights, paintSelected, clearHighlights, paintSuggestions, paintFindMatches } from './highlightRegistry';
import { blockAt, offsetsToRange } from './offsetsToRange';
import { IntervalIndex } from './intervalIndex';
import { pickClaimAt } from './pickClaimAt';
import { getReaderSelection, readSelectionWith, setReaderSelection, useReaderSelection } from './readerSelection';
import { toggleCaretMode, useCaretModeOn, useKeyboardCaret } from './caretMode';
import { pointToOffset, selectionToOffsets, type ReaderGeometry, type TextSpan } from './selectionToOffsets';
import { ReaderBlocks, type ReaderBlocksHandle } from './ReaderBlocks';
import { renderedRuns, runInterval } from './blockWindow';
import { matchesWithin } from './findMatches';
import { useFindState } from './findState';
import { ArticleHeader } from './ArticleHeader';
import { cssZoom } from '../app/appearance';
import { SelectionMarkButton } from './SelectionMarkButton';
import { isPendingChange } from '../../../shared/claims';
import { ensureHighlightStyles } from './highlightStyles';
import { ReanchorReview } from './ReanchorReview';
import { useLatest } from '../virtual/useLatest';
import { afterNextFrame } from '../platform/afterPaint';
import { whenIdle } from '../platform/whenIdle';

/** From this many highlighted passages, even a short article draws them only in and near view (see ReaderBlocks). */
const NEAR_ONLY_FROM = 400;

interface ArticleReaderProps {
  article: Article;
  claims: readonly Claim[];
  levels: readonly RatingLevel[];
  selectedClaimId: string | null;
  onSelectClaim: (claimId: string) => void;
  onRemoveArticle: () => void;
  /** Keyboard in the reader: Enter opens the selected claim in the panel, m marks the selected passage. */
  onOpenClaim?: (claimId: string) => void;
  onMarkClaim?: () => void;
  /** Suggested passages (none when suggestions are off), the selected one, and the one under the pointer. */
  suggestions?: readonly PlacedSpan[];
  activeSuggestionId?: string | null;
  hoveredSuggestionId?: string | null;
  onSelectSuggestion?: (id: string) => void;
  onHoverSuggestion?: (id: string | null) => void;
}

const NO_SUGGESTIONS: readonly PlacedSpan[] = [];
const NO_BLOCKS: readonly number[] = [];
/** A claim whose wording changed after an update (awaiting review, or needing a new verdict) carries the re-check mark. */
const marksRecheck = (claim: Claim) => claim.needsRecheck || isPendingChange(claim);

/** Memoized: the workspace renders again for changes that leave the article and its claims alone (a reply, the save state). */
export const ArticleReader = memo(function ArticleReader({
  article,
  claims,
  levels,
  selectedClaimId,
  onSelectClaim,
  onRemoveArticle,
  onOpenClaim,
  onMarkClaim,
  suggestions = NO_SUGGESTIONS,
  activeSuggestionId = null,
  hoveredSuggestionId = null,
  onSelectSuggestion,
  onHoverSuggestion,
}: ArticleReaderProps) {
  const scrollerRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // The same two elements as state: the block window needs them while it first renders (refs attach only after).
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const scrollerCallback = useCallback((element: HTMLElement | null) => {
    scrollerRef.current = element;
    setScroller(element);
  }, []);
  const bodyCallback = useCallback((element: HTMLDivElement | null) => {
    bodyRef.current = element;
    setBody(element);
  }, []);
  const caretOn = useCaretModeOn();
  const selection = useReaderSelection();
  useTextIndexWhenIdle(article.text);

  const geometry = useMemo<ReaderGeometry>(
    () => ({ text: article.text, starts: blockStarts(article.blocks), lengths: article.blocks.map((block) => block.text.length) }),
    [article],
  );

  // Where the claims are drawn and on which layer (among all of the article's claims: a claim keeps its layer as
  // the view moves, and the highlights an article draws in are known before it is laid out, for their rules below).
  // Kept from render to render: an edit that moved no claim (a verdict, a note) keeps the same spans and index.
  const lastPlacement = useRef<ClaimPlacement | null>(null);
  const placement = useMemo(() => (lastPlacement.current = placeArticleClaims(article.text, claims, lastPlacement.current)), [article, claims]);
  const { spans, index: spanIndex, deepestLayer } = placement;
  // A claim's level as an index into the scale (-1: no verdict), which names its highlight.
  const levelIndex = useMemo(() => new Map(levels.map((level, index) => [level.id, index])), [levels]);
  const levelOf = (claim: Claim | undefined) => (claim?.verdict.levelId ? (levelIndex.get(claim.verdict.levelId) ?? -1) : -1);
  const suggestionIndex = useMemo(() => new IntervalIndex(suggestions), [suggestions]);

  const caret = useKeyboardCaret({
    active: caretOn,
    scrollerRef,
    bodyRef,
    geometry,
    // The selected claim's start, else the selection's end, else the first block in view.
    startAt: () => {
      const claim = spans.find((span) => span.id === selectedClaimId);
      if (claim) return claim.start;
      const current = getReaderSelection();
      if (current && current.articleId === article.id) return current.end;
      return firstVisibleOffset(scrollerRef.current, bodyRef.current, geometry);
    },
  });

  // When the article's first block is its title, that block is shown as the title (it stays part of the text).
  const titleIsFirstBlock = article.blocks.length > 1 && article.blocks[0].text.trim() === article.metadata.title.trim();
  const blocksHandle = useRef<ReaderBlocksHandle>(null);
  // The blocks highlights are drawn in now (sorted): the rendered ones (near view, with many claims), drawn again when they change.
  const drawnBlocks = useRef<readonly number[]>([]);
  // Blocks where the reader's selection starts and ends stay rendered while it is scrolled away.
  const selStart = selection && selection.articleId === article.id ? blockAt(geometry, selection.start, 'start') : -1;
  const selEnd = selection && selection.articleId === article.id ? blockAt(geometry, selection.end, 'end') : -1;
  const keep = useMemo(() => (selStart < 0 ? NO_BLOCKS : [selStart, selEnd]), [selStart, selEnd]);
  const find = useFindState();
  const findHere = find && find.articleId === article.id ? find : null;

  // The rules of the highlights this article's claims draw in, before the page is laid out: a rule written
  // after (when a highlight first draws) restyles every element of the page again. For each article (and
  // scale) as it opens; later, a highlight first drawn has its rule written as it draws.
  useInsertionEffect(() => {
    defineClaimHighlightStyles(levels);
    ensureHighlightStyles(claimHighlightsInUse(spans, (span) => levelOf(claims[span.index]), claims.some(marksRecheck)));
  }, [article.id, levels]);
  // Then, once the window is idle (at the latest half a second after), every level's rule on the layers in use:
  // one restyle soon after the article shows, which a verdict would otherwise pay (each new rule restyles the page).
  useEffect(
    () =>
      whenIdle(() => {
        // The restyle now, while idle, rather than in the frame of the next click.
        if (ensureHighlightStyles(claimHighlightsOnLayers(deepestLayer, levels.length))) document.body.getBoundingClientRect();
      }, 500),
    [deepestLayer, levels],
  );

  /** Text intervals of the blocks highlights are drawn in (rendered, and near view), one per run of consecutive blocks. */
  const drawnIntervals = (): Array<[number, number]> => renderedRuns(drawnBlocks.current).map((run) => runInterval(run, geometry.starts, geometry.lengths));

  // Ranges by span, reused while their text nodes stay in the DOM (a repaint after an edit does not walk the DOM again).
  const rangeCache = useMemo(() => new Map<string, Range>(), [article, titleIsFirstBlock]);
  // The block elements, looked up again only when the rendered blocks change (onDrawn) or one left the DOM: a query
  // over every block of a long article on each repaint (a verdict, a redo) cost about a millisecond.
  const elementsCache = useRef<{ body: Element; article: Article; elements: HTMLElement[] } | null>(null);
  const elementsOf = (body: Element): HTMLElement[] => {
    const cached = elementsCache.current;
    if (cached && cached.body === body && cached.article === article && cached.elements.every((element) => element.isConnected)) return cached.elements;
    const elements = blockElements(body);
    elementsCache.current = { body, article, elements };
    return elements;
  };
  const rangeOf = (body: Element, span: TextSpan, elements: readonly HTMLElement[]): Range | null => {
    const key = `${span.start}:${span.end}`;
    const cached = rangeCache.get(key);
    if (cached && cached.startContainer.isConnected && cached.endContainer.isConnected) return cached;
    const range = offsetsToRange(body, span, geometry, elements);
    if (range) rangeCache.set(key, range);
    else rangeCache.delete(key);
    return range;
  };
  /** A span's parts inside the blocks highlights are drawn in, as ranges. */
  const visibleRanges = (body: Element, span: TextSpan, intervals: ReadonlyArray<[number, number]>, elements: readonly HTMLElement[], cache: boolean): Range[] => {
    const ranges: Range[] = [];
    for (const [from, to] of intervals) {
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, to);
      if (end <= start) continue;
      const range = cache ? rangeOf(body, { start, end }, elements) : offsetsToRange(body, { start, end }, geometry, elements);
      if (range) ranges.push(range);
    }
    return ranges;
  };

  const paintClaims = () => {
    const body = bodyRef.current;
    if (!body) return;
    const paintStart = performance.now();
    const elements = elementsOf(body);
    const intervals = drawnIntervals();
    const shown = new Map<string, LayeredSpan>();
    for (const [from, to] of intervals) for (const span of spanIndex.overlapping(from, to)) shown.set(span.id, span);
    const groups = new Map<string, Range[]>();
    const recheck: Range[] = [];
    for (const span of shown.values()) {
      const claim = placement.claims[span.index];
      const name = highlightName(levelOf(claim), span.layer);
      for (const range of visibleRanges(body, span, intervals, elements, true)) {
        const list = groups.get(name);
        if (list) list.push(range);
        else groups.set(name, [range]);
        if (claim && marksRecheck(claim)) recheck.push(range);
      }
    }
    paintHighlights(groups, recheck);
    // For the benchmarks: how long building the ranges and filling the Highlight objects took, for how many claims.
    performance.clearMeasures?.('claim-highlights');
    performance.measure?.('claim-highlights', { start: paintStart, detail: { count: spans.length, painted: shown.size } });
  };

  const selectedSpan = useMemo(() => spans.find((span) => span.id === selectedClaimId) ?? null, [spans, selectedClaimId]);
  const paintSelection = () => {
    const body = bodyRef.current;
    if (!body) return;
    // Its own Range objects: one Range in two Highlight objects paints only once.
    paintSelected(selectedSpan ? visibleRanges(body, selectedSpan, drawnIntervals(), elementsOf(body), false) : []);
  };

  // Suggested passages: one quiet highlight for all, a stronger one for the selected or hovered one.
  const paintSuggested = () => {
    const body = bodyRef.current;
    if (!body) return;
    if (suggestions.length === 0) {
      paintSuggestions([], []);
      return;
    }
    const elements = elementsOf(body);
    const intervals = drawnIntervals();
    const ranges: Range[] = [];
    let active: Range[] = [];
    const shownId = hoveredSuggestionId ?? activeSuggestionId;
    const seen = new Set<string>();
    for (const [from, to] of intervals) {
      for (const span of suggestionIndex.overlapping(from, to)) {
        if (seen.has(span.id)) continue;
        seen.add(span.id);
        const parts = visibleRanges(body, span, intervals, elements, false);
        ranges.push(...parts);
        if (span.id === shownId) active = visibleRanges(body, span, intervals, elements, false);
      }
    }
    paintSuggestions(ranges, active);
  };

  // Matches of Find in article: all of them quietly, the current one strongly.
  const paintFound = () => {
    const body = bodyRef.current;
    if (!body) return;
    const all: Range[] = [];
    let current: Range[] = [];
    if (findHere && findHere.matches.starts.length > 0) {
      const elements = elementsOf(body);
      const intervals = drawnIntervals();
      const { starts, ends } = findHere.matches;
      for (const [from, to] of intervals) {
        const [first, last] = matchesWithin(findHere.matches, from, to);
        for (let i = first; i < last; i++) {
          const parts = visibleRanges(body, { start: starts[i], end: ends[i] }, intervals, elements, false);
          if (i === findHere.current) current = parts;
          else all.push(...parts);
        }
      }
    }
    paintFindMatches(all, current);
  };

  useLayoutEffect(paintClaims, [placement, levels, geometry, rangeCache]);
  useLayoutEffect(paintSelection, [selectedSpan, geometry]);
  useLayoutEffect(paintSuggested, [suggestions, geometry, activeSuggestionId, hoveredSuggestionId]);
  useLayoutEffect(paintFound, [findHere, geometry]);

  // The blocks to draw in changed (the window moved, or the view): draw what came into them (before that frame is painted).
  const paintAll = useLatest(() => {
    for (const [key, range] of rangeCache) if (!range.startContainer.isConnected) rangeCache.delete(key);
    paintClaims();
    paintSelection();
    paintSuggested();
    paintFound();
  });
  const onDrawn = useCallback(
    (indexes: readonly number[]) => {
      drawnBlocks.current = indexes;
      elementsCache.current = null;
      paintAll();
    },
    [paintAll],
  );

  useEffect(
    () => () => {
      clearHighlights();
      paintSuggestions([], []);
      paintFindMatches([], []);
    },
    [],
  );

  // Bring the selected suggestion's passage into view when it is not.
  useEffect(() => {
    const span = suggestions.find((candidate) => candidate.id === activeSuggestionId);
    if (span) scrollSpanIntoView(span);
    // Only when the selection changes.
  }, [activeSuggestionId]);

  // Bring the selected claim's passage into view when it is not: looked at just after the frame that
  // shows the selection, when the page is laid out already (asked inside the click, where a claim
  // was just marked or picked, the question costs a layout of everything the click changed).
  const revealSpan = useLatest(scrollSpanIntoView);
  useEffect(() => {
    const span = spans.find((candidate) => candidate.id === selectedClaimId);
    if (!span) return;
    return afterNextFrame(() => revealSpan(span));
    // Only when the selection changes, not on every edit.
  }, [selectedClaimId]);

  // Next / Previous in Find in article bring the current match into view.
  useEffect(() => {
    if (!findHere || findHere.current < 0) return;
    const { starts, ends } = findHere.matches;
    scrollSpanIntoView({ start: starts[findHere.current], end: ends[findHere.current] });
    // Only on a reveal request.
  }, [findHere?.reveal]);

  /**
   * Scrolls a span's start into view: at once when its block is rendered, else the window first
   * moves to its block and the span is placed once that block is in the DOM (a few frames at most).
   */
  function scrollSpanIntoView(span: TextSpan, attempt = 0): void {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    if (!scroller || !body || geometry.starts.length === 0) return;
    const first = blockAt(geometry, span.start, 'start');
    const elements = blockElements(body);
    if (!elements[first]) {
      if (attempt > 6) return;
      if (attempt === 0) blocksHandle.current?.scrollToBlock(first);
      requestAnimationFrame(() => scrollSpanIntoView(span, attempt + 1));
      return;
    }
    const head = { start: span.start, end: Math.min(span.end, geometry.starts[first] + geometry.lengths[first]) };
    const range = offsetsToRange(body, head, geometry, elements);
    const box = scroller.getBoundingClientRect();
    const rect = range?.getBoundingClientRect();
    if (rect && rect.height > 0 && rect.top >= box.top + 8 && rect.bottom <= box.bottom - 8) return;
    if (rect && rect.height > 0) {
      const target = scroller.scrollTop + (rect.top - box.top - box.height / 3) / cssZoom(scroller);
      scroller.scrollTo({ top: Math.max(0, target) });
    } else {
      elements[first].scrollIntoView({ block: 'center' });
    }
  }

  // Track the passage selected in the reader, for Mark claim.
  useEffect(() => {
    const update = () => {
      const body = bodyRef.current;
      const span = body ? selectionToOffsets(body, document.getSelection(), geometry) : null;
      setReaderSelection(span ? { articleId: article.id, ...span } : null);
    };
    update();
    document.addEventListener('selectionchange', update);
    const stopReading = readSelectionWith(update);
    return () => {
      document.removeEventListener('selectionchange', update);
      stopReading();
      setReaderSelection(null);
    };
  }, [article.id, geometry]);

  /** The text offset under the pointer, found as a click on a claim finds it. */
  const offsetAt = (clientX: number, clientY: number): number | null => {
    const body = bodyRef.current;
    const caret = body ? caretFromPoint(document, clientX, clientY) : null;
    return body && caret ? pointToOffset(body, caret.node, caret.offset, geometry) : null;
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const offset = offsetAt(event.clientX, event.clientY);
    if (offset === null) return;
    const picked = pickClaimAt(spanIndex, offset, selectedClaimId);
    if (picked) onSelectClaim(picked);
    else if (onSelectSuggestion) {
      const suggestion = suggestionIndex.containing(offset)[0];
      if (suggestion) onSelectSuggestion(suggestion.id);
    }
  };

  // A highlight is not an element: hovering a suggested passage is found by hit-testing the text.
  const hoverFrame = useRef(0);
  const onMouseMove = (event: MouseEvent<HTMLDivElement>) => {
    if (!onHoverSuggestion || suggestions.length === 0) return;
    const { clientX, clientY } = event;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const offset = offsetAt(clientX, clientY);
      const id = offset === null ? null : (suggestionIndex.containing(offset)[0]?.id ?? null);
      if (id !== hoveredSuggestionId) onHoverSuggestion(id);
    });
  };
  const onMouseLeave = () => {
    cancelAnimationFrame(hoverFrame.current);
    if (hoveredSuggestionId !== null) onHoverSuggestion?.(null);
  };

  // Keyboard, without the mouse: n / j next claim and p / k previous (in reading order), Enter opens
  // the selected claim, m marks the selected passage (Ctrl/Cmd+M works everywhere).
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented) return;
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select, button, [contenteditable="true"]')) return;
    if (event.key === 'F7' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      toggleCaretMode();
      return;
    }
    if (caret.onKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const ordered = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    const current = ordered.findIndex((span) => span.id === selectedClaimId);
    let next: PlacedSpan | undefined;
    if (event.key === 'n' || event.key === 'j') next = ordered[current < 0 ? 0 : Math.min(ordered.length - 1, current + 1)];
    else if (event.key === 'p' || event.key === 'k') next = ordered[current < 0 ? 0 : Math.max(0, current - 1)];
    else if ((event.key === 's' || event.key === 'S') && onSelectSuggestion && suggestions.length > 0) {
      // s / Shift+S: next / previous suggestion in reading order (n / p stay for claims).
      event.preventDefault();
      const current = suggestions.findIndex((span) => span.id === activeSuggestionId);
      const step = event.key === 's' ? 1 : -1;
      const index = current < 0 ? (step > 0 ? 0 : suggestions.length - 1) : Math.max(0, Math.min(suggestions.length - 1, current + step));
      onSelectSuggestion(suggestions[index].id);
      return;
    } else if (event.key === 'Enter' && selectedClaimId && onOpenClaim) {
      event.preventDefault();
      onOpenClaim(selectedClaimId);
      return;
    } else if (event.key === 'm' && onMarkClaim) {
      event.preventDefault();
      onMarkClaim();
      return;
    } else return;
    event.preventDefault();
    if (next) onSelectClaim(next.id);
  };

  return (
    <section
      className={`reader${caretOn ? ' is-caret-mode' : ''}`}
      aria-label="Article"
      ref={scrollerCallback}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-keyshortcuts={suggestions.length > 0 ? 'n p j k Enter m F7 s Shift+S' : 'n p j k Enter m F7'}
      aria-describedby={caretOn ? 'reader-caret-help' : undefined}
    >
      <article className="reader-page" lang={article.metadata.language} dir={article.metadata.direction}>
        <ArticleHeader article={article} claimCount={claims.length} showTitle={!titleIsFirstBlock} onRemove={onRemoveArticle} />
        <ReanchorReview article={article} claims={claims} levels={levels} onSelectClaim={onSelectClaim} />
        <div
          className={`reader-body${hoveredSuggestionId ? ' is-over-suggestion' : ''}`}
          ref={bodyCallback}
          onClick={onClick}
          onMouseUp={caret.onMouseUp}
          onMouseMove={onMouseMove}
          onMouseLeave={onMouseLeave}
        >
          <ReaderBlocks
            ref={blocksHandle}
            blocks={article.blocks}
            textLength={article.text.length}
            titleIsFirstBlock={titleIsFirstBlock}
            scroller={scroller}
            body={body}
            keep={keep}
            nearOnly={spans.length + suggestions.length > NEAR_ONLY_FROM}
            onDrawn={onDrawn}
          />
        </div>
        {caretOn && caret.box && <div className="reader-caret" aria-hidden="true" style={{ left: caret.box.left, top: caret.box.top, height: caret.box.height }} />}
        {selection && selection.articleId === article.id && onMarkClaim && <SelectionMarkButton bodyRef={bodyRef} selection={selection} geometry={geometry} onMark={onMarkClaim} />}
      </article>
      {caretOn && (
        <p id="reader-caret-help" className="visually-hidden" aria-live="polite">
          Keyboard selection on: arrow keys move, Shift with an arrow selects, Ctrl with an arrow moves by word, M marks the selection as a claim, Escape leaves.
        </p>
      )}
    </section>
  );
});

/** The canonical offset of the first block in view (where a keyboard caret starts). */
function firstVisibleOffset(scroller: HTMLElement | null, body: HTMLElement | null, geometry: ReaderGeometry): number {
  if (!scroller || !body) return 0;
  const top = scroller.getBoundingClientRect().top;
  const elements = blockElements(body);
  const index = elements.findIndex((element) => element && element.getBoundingClientRect().bottom > top + 4);
  return index < 0 ? 0 : geometry.starts[index];
}
