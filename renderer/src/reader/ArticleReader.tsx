/**
 * The reader: an article's blocks as plain React text (never injected HTML), each block element
 * carrying data-block-index. Claims are drawn with the CSS Custom Highlight API; a click on text
 * selects the innermost claim there (cycling on repeated clicks); selecting a claim elsewhere
 * scrolls its passage into view.
 */
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { blockStarts } from '../../../shared/articles/canonicalText';
import type { Article, Block, Claim, RatingLevel } from '../../../shared/model';
import { BLOCK_ATTRIBUTE, blockElements } from './blockElements';
import { caretFromPoint } from './caretFromPoint';
import { assignLayers, type PlacedSpan } from './claimLayers';
import { highlightName, installHighlightStyles, paintHighlights, paintSelected, clearHighlights, paintSuggestions } from './highlightRegistry';
import { blockElementAt, offsetsToRange } from './offsetsToRange';
import { IntervalIndex } from './intervalIndex';
import { pickClaimAt } from './pickClaimAt';
import { getReaderSelection, setReaderSelection, useReaderSelection } from './readerSelection';
import { toggleCaretMode, useCaretModeOn, useKeyboardCaret } from './caretMode';
import { pointToOffset, selectionToOffsets, type ReaderGeometry } from './selectionToOffsets';
import { ArticleHeader } from './ArticleHeader';
import { cssZoom } from '../app/appearance';
import { SelectionMarkButton } from './SelectionMarkButton';
import { isPendingChange } from '../../../shared/claims';
import { placeClaims } from './placeClaims';
import { ReanchorReview } from './ReanchorReview';

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

/** "p. N" before the first block of each page of a PDF (outside every block: not part of the text). */
function pageMarker(blocks: readonly Block[], index: number): ReactNode {
  const page = blocks[index].page;
  if (page === undefined || (index > 0 && blocks[index - 1].page === page)) return null;
  return (
    <div className="reader-page-marker" aria-hidden="true" data-page={page}>
      p. {page}
    </div>
  );
}

export function ArticleReader({
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
  const caretOn = useCaretModeOn();
  const selection = useReaderSelection();

  const geometry = useMemo<ReaderGeometry>(
    () => ({ text: article.text, starts: blockStarts(article.blocks), lengths: article.blocks.map((block) => block.text.length) }),
    [article],
  );

  const spans = useMemo<PlacedSpan[]>(() => placeClaims(article.text, claims), [article, claims]);
  const spanIndex = useMemo(() => new IntervalIndex(spans), [spans]);
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

  // Render the blocks once per article version: the highlight ranges point into these text nodes.
  // When the article's first block is its title, that block is shown as the title (it stays part of the text).
  const titleIsFirstBlock = article.blocks.length > 1 && article.blocks[0].text.trim() === article.metadata.title.trim();
  const blocks = useMemo(
    () =>
      article.blocks.map((block, index) => (
        <Fragment key={index}>
          {pageMarker(article.blocks, index)}
          {renderBlock(block, index, titleIsFirstBlock && index === 0)}
        </Fragment>
      )),
    [article, titleIsFirstBlock],
  );

  useLayoutEffect(() => {
    installHighlightStyles(levels);
  }, [levels]);

  // Ranges by span, kept while the article's blocks stay rendered: the text nodes never change, so a
  // repaint after an edit reuses them instead of walking the DOM for every claim again.
  const rangeCache = useMemo(() => new Map<string, Range>(), [article, titleIsFirstBlock]);
  const rangeOf = (body: Element, span: PlacedSpan, elements?: readonly HTMLElement[]): Range | null => {
    const key = `${span.start}:${span.end}`;
    const cached = rangeCache.get(key);
    if (cached) return cached;
    const range = offsetsToRange(body, span, geometry, elements);
    if (range) rangeCache.set(key, range);
    return range;
  };

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const paintStart = performance.now();
    let elements: HTMLElement[] | undefined;
    const layers = assignLayers(spans);
    const levelIndex = new Map(levels.map((level, index) => [level.id, index]));
    const claimById = new Map(claims.map((claim) => [claim.id, claim]));
    const groups = new Map<string, Range[]>();
    const recheck: Range[] = [];
    for (const span of spans) {
      const range = rangeCache.get(`${span.start}:${span.end}`) ?? rangeOf(body, span, (elements ??= blockElements(body)));
      if (!range) continue;
      const claim = claimById.get(span.id);
      const index = claim?.verdict.levelId ? (levelIndex.get(claim.verdict.levelId) ?? -1) : -1;
      const name = highlightName(index, layers.get(span.id) ?? 0);
      const list = groups.get(name);
      if (list) list.push(range);
      else groups.set(name, [range]);
      if (claim && (claim.needsRecheck || isPendingChange(claim))) recheck.push(range);
    }
    paintHighlights(groups, recheck);
    // For the highlights benchmark: how long building the ranges and filling the Highlight objects took.
    performance.clearMeasures?.('claim-highlights');
    performance.measure?.('claim-highlights', { start: paintStart, detail: { count: spans.length } });
  }, [spans, claims, levels, geometry, rangeCache]);

  const selectedSpan = useMemo(() => spans.find((span) => span.id === selectedClaimId) ?? null, [spans, selectedClaimId]);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    // Its own Range object: one Range in two Highlight objects paints only once.
    paintSelected(selectedSpan ? offsetsToRange(body, selectedSpan, geometry) : null);
  }, [selectedSpan, geometry]);

  // Suggested passages: one quiet highlight for all, a stronger one for the selected or hovered one.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const elements = blockElements(body);
    const ranges: Range[] = [];
    let active: Range | null = null;
    const shownId = hoveredSuggestionId ?? activeSuggestionId;
    for (const span of suggestions) {
      const range = offsetsToRange(body, span, geometry, elements);
      if (!range) continue;
      ranges.push(range);
      if (span.id === shownId) active = range;
    }
    paintSuggestions(ranges, active);
  }, [suggestions, geometry, activeSuggestionId, hoveredSuggestionId]);

  useEffect(
    () => () => {
      clearHighlights();
      paintSuggestions([], null);
    },
    [],
  );

  // Bring the selected suggestion's passage into view when it is not.
  useEffect(() => {
    const span = suggestions.find((candidate) => candidate.id === activeSuggestionId);
    if (span) scrollSpanIntoView(span);
    // Only when the selection changes.
  }, [activeSuggestionId]);

  // Bring the selected claim's passage into view when it is not.
  useEffect(() => {
    const span = spans.find((candidate) => candidate.id === selectedClaimId);
    if (span) scrollSpanIntoView(span);
    // Only when the selection changes, not on every edit.
  }, [selectedClaimId]);

  function scrollSpanIntoView(span: PlacedSpan): void {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    if (!scroller || !body) return;
    const range = offsetsToRange(body, span, geometry);
    const box = scroller.getBoundingClientRect();
    const rect = range?.getBoundingClientRect();
    if (rect && rect.height > 0 && rect.top >= box.top + 8 && rect.bottom <= box.bottom - 8) return;
    const element = blockElementAt(body, span.start, geometry);
    if (rect && rect.height > 0) {
      const target = scroller.scrollTop + (rect.top - box.top - box.height / 3) / cssZoom(scroller);
      scroller.scrollTo({ top: Math.max(0, target) });
    } else {
      element?.scrollIntoView({ block: 'center' });
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
    return () => {
      document.removeEventListener('selectionchange', update);
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
      ref={scrollerRef}
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
          ref={bodyRef}
          onClick={onClick}
          onMouseUp={caret.onMouseUp}
          onMouseMove={onMouseMove}
          onMouseLeave={onMouseLeave}
        >
          {blocks}
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
}

/** The canonical offset of the first block in view (where a keyboard caret starts). */
function firstVisibleOffset(scroller: HTMLElement | null, body: HTMLElement | null, geometry: ReaderGeometry): number {
  if (!scroller || !body) return 0;
  const top = scroller.getBoundingClientRect().top;
  const elements = blockElements(body);
  const index = elements.findIndex((element) => element && element.getBoundingClientRect().bottom > top + 4);
  return index < 0 ? 0 : geometry.starts[index];
}
