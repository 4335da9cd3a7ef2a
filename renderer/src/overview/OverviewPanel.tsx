/**
 * The project overview: counts by state and verdict, filters (state, verdict, claimant, tag,
 * assignee), sort and text search over claims, statements, rationales and sources. Also the
 * project's rating scale and methodology note.
 */
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClaimState } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { buildClaimIndex, distinctValues, filterClaims, overviewCounts, type OverviewFilters, type OverviewSort } from '../../../shared/workflow/overview';
import { levelById } from '../../../shared/claims';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { truncate } from '../claims/claimLabels';
import { VerdictChip } from '../claims/VerdictChip';
import { SidePanel } from '../review/SidePanel';
import { useSession } from '../app/context';
import { ScaleSettings } from './ScaleSettings';
import { MethodologyNote } from './MethodologyNote';
import { listStyle, rowStyle, useVirtualList } from '../virtual/useVirtualList';

const STATES = Object.keys(CLAIM_STATE_LABELS) as ClaimState[];

export function OverviewPanel({ project, onClose }: { project: Project; onClose: () => void }) {
  const session = useSession();
  const [filters, setFilters] = useState<OverviewFilters>({});
  const [sort, setSort] = useState<OverviewSort>('article');
  const [tab, setTab] = useState<'claims' | 'scale'>('claims');
  const query = useDeferredValue(filters.query ?? '');
  const index = useMemo(() => buildClaimIndex(project), [project]);
  const claims = useMemo(() => filterClaims(project, { ...filters, query }, sort, index), [project, filters, query, sort, index]);
  const counts = overviewCounts(project);
  const claimants = distinctValues(project, (c) => [c.claimant]);
  const tags = distinctValues(project, (c) => c.tags ?? []);
  const assignees = distinctValues(project, (c) => [c.assignee ?? '']);
  const set = (patch: Partial<OverviewFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const titles = useMemo(() => new Map(project.articles.map((a) => [a.id, a.metadata.title])), [project.articles]);
  const articleTitle = (id: string) => titles.get(id) ?? '';
  const listRef = useRef<HTMLUListElement>(null);
  // Counts and filters sit above the results in the same scrolling body.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const body = list?.closest<HTMLElement>('.side-panel-body');
    if (!list || !body) return;
    const margin = Math.round(list.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop);
    if (margin !== scrollMargin) setScrollMargin(margin);
  });
  // Windowed: only the result rows in view of the panel's scrolling body are rendered.
  const virtualizer = useVirtualList({
    count: claims.length,
    getScrollElement: () => listRef.current?.closest<HTMLElement>('.side-panel-body') ?? null,
    estimateSize: 58,
    scrollMargin,
    getItemKey: (index) => claims[index]?.id ?? index,
  });

  return (
    <SidePanel label="Overview" onClose={onClose} wide>
      <div className="overview-tabs" role="tablist" aria-label="Overview sections">
        <button type="button" role="tab" aria-selected={tab === 'claims'} className="overview-tab" onClick={() => setTab('claims')}>
          Claims
        </button>
        <button type="button" role="tab" aria-selected={tab === 'scale'} className="overview-tab" onClick={() => setTab('scale')}>
          Rating scale &amp; methodology
        </button>
      </div>
      {tab === 'scale' ? (
        <>
          <ScaleSettings project={project} />
          <MethodologyNote project={project} />
        </>
      ) : (
        <>
          <div className="overview-counts" aria-label="Counts">
            <dl className="count-group" aria-label="By state">
              {STATES.map((state) => (
                <div key={state} className={`count count-state-${state}`}>
                  <dt>{CLAIM_STATE_LABELS[state]}</dt>
                  <dd>{counts.byState[state]}</dd>
                </div>
              ))}
            </dl>
            <dl className="count-group" aria-label="By verdict">
              {project.ratingScale.levels.map((level) => (
                <div key={level.id} className="count">
                  <dt>
                    <span className="count-swatch" style={{ background: level.color }} aria-hidden="true" />
                    {level.label}
                  </dt>
                  <dd>{counts.byVerdict[level.id] ?? 0}</dd>
                </div>
              ))}
              <div className="count">
                <dt>No verdict</dt>
                <dd>{counts.byVerdict.none ?? 0}</dd>
              </div>
            </dl>
          </div>

          <div className="overview-filters">
            <input
              type="search"
              className="field-input overview-search"
              aria-label="Search claims"
              placeholder="Search statements, rationales, sources…"
              value={filters.query ?? ''}
              onChange={(event) => set({ query: event.target.value })}
            />
            <FilterSelect label="State" value={filters.state ?? ''} onChange={(v) => set({ state: v as ClaimState | '' })} options={STATES.map((s) => [s, CLAIM_STATE_LABELS[s]])} />
            <FilterSelect
              label="Rating filter"
              value={filters.verdict ?? ''}
              onChange={(v) => set({ verdict: v })}
              options={[...project.ratingScale.levels.map((l) => [l.id, l.label] as [string, string]), ['none', 'No verdict']]}
            />
            <FilterSelect label="Claimant filter" value={filters.claimant ?? ''} onChange={(v) => set({ claimant: v })} options={claimants.map((c) => [c, c])} />
            <FilterSelect label="Tag" value={filters.tag ?? ''} onChange={(v) => set({ tag: v })} options={tags.map((t) => [t, t])} />
            <FilterSelect label="Assignee filter" value={filters.assignee ?? ''} onChange={(v) => set({ assignee: v })} options={assignees.map((a) => [a, a])} />
            <label className="overview-sort">
              <span className="field-label">Sort</span>
              <select className="field-select field-select-small" value={sort} onChange={(event) => setSort(event.target.value as OverviewSort)} aria-label="Sort">
                <option value="article">Article order (or relevance)</option>
                <option value="state">State</option>
                <option value="verdict">Verdict</option>
                <option value="claimant">Claimant</option>
                <option value="created">Newest first</option>
              </select>
            </label>
          </div>

          <p className="overview-result-count" role="status">
            {claims.length === project.claims.length
              ? `${claims.length} ${project.claims.length === 1 ? 'claim' : 'claims'}`
              : `${claims.length} of ${project.claims.length} ${project.claims.length === 1 ? 'claim' : 'claims'}`}
          </p>
          <ul className="overview-list" aria-label="Overview results" ref={listRef} style={listStyle(virtualizer.getTotalSize())}>
            {virtualizer.getVirtualItems().map((row) => {
              const claim = claims[row.index];
              return (
                <li key={row.key} ref={virtualizer.measureElement} data-index={row.index} aria-setsize={claims.length} aria-posinset={row.index + 1} style={rowStyle(row.start - scrollMargin)}>
                  <button
                    type="button"
                    className="overview-row"
                    onClick={() => {
                      session.selectClaim(claim.id);
                      onClose();
                    }}
                  >
                    <span className="overview-row-main">
                      <span className="overview-statement">{truncate(claim.statement || claim.target.quote.exact, 140)}</span>
                      <span className="overview-meta">
                        {truncate(articleTitle(claim.articleId), 50)}
                        {claim.claimant ? ` · ${truncate(claim.claimant, 40)}` : ''}
                        {claim.assignee ? ` · ${truncate(claim.assignee, 30)}` : ''}
                        {(claim.tags ?? []).length ? ` · ${(claim.tags ?? []).map((t) => `#${truncate(t, 20)}`).join(' ')}` : ''}
                      </span>
                    </span>
                    <span className={`claim-state-badge state-${claim.state}`}>{CLAIM_STATE_LABELS[claim.state]}</span>
                    <VerdictChip level={levelById(project.ratingScale, claim.verdict.levelId)} />
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </SidePanel>
  );
}

function FilterSelect({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  const short = label === 'Rating filter' ? 'Verdict' : label.replace(/ filter$/, '');
  return (
    <label className="overview-filter">
      <span className="field-label">{short}</span>
      <select className="field-select field-select-small" value={value} aria-label={label} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {truncate(text, 40)}
          </option>
        ))}
      </select>
    </label>
  );
}
