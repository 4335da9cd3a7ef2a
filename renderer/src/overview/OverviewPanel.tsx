/**
 * The project overview: counts by state and verdict (each a filter too), filters (state, verdict,
 * claimant, tag, assignee, "Assigned to me", "Overdue"), sort and text search over claims,
 * statements, rationales and sources, as a list or a sortable table. Also the project's rating scale
 * and methodology note.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { ClaimState } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { distinctValues, lazyClaimIndex, filterClaims, overviewCounts, type OverviewFilters, type OverviewSort } from '../../../shared/workflow/overview';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { truncate } from '../claims/claimLabels';
import { SidePanel } from '../dialogs/SidePanel';
import { useSession, useSessionState, useSettings } from '../app/context';
import { localDay } from '../../../shared/workflow/tasking';
import { ClaimTable } from './ClaimTable';
import { OverviewList } from './OverviewList';
import { CountChips } from './CountChips';
import { ScaleSettings } from './ScaleSettings';
import { MethodologyNote } from './MethodologyNote';

const STATES = Object.keys(CLAIM_STATE_LABELS) as ClaimState[];

export function OverviewPanel({ project, onClose }: { project: Project; onClose: () => void }) {
  const session = useSession();
  const settings = useSettings();
  const { claimId: selectedClaimId } = useSessionState();
  const [filters, setFilters] = useState<OverviewFilters>({});
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [view, setView] = useState<'list' | 'table'>('list');
  const me = settings?.userName?.trim() ?? '';
  const [sort, setSort] = useState<OverviewSort>('article');
  const [tab, setTab] = useState<'claims' | 'scale'>('claims');
  const query = useDeferredValue(filters.query ?? '');
  // Built on the first search, not on open (thousands of claims).
  const index = useMemo(() => lazyClaimIndex(project), [project]);
  const today = localDay();
  const claims = useMemo(
    () => filterClaims(project, { ...filters, query, ...(mine && me ? { assignedTo: me } : {}), ...(overdue ? { overdueOn: today } : {}) }, sort, index),
    [project, filters, query, sort, index, mine, me, overdue, today],
  );
  // Worked out once per project version, not on every keystroke in the search box.
  const { counts, claimants, tags, assignees } = useMemo(
    () => ({
      counts: overviewCounts(project),
      claimants: distinctValues(project, (c) => [c.claimant]),
      tags: distinctValues(project, (c) => c.tags ?? []),
      assignees: distinctValues(project, (c) => [c.assignee ?? '']),
    }),
    [project],
  );
  const set = (patch: Partial<OverviewFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const open = (claimId: string) => {
    session.selectClaim(claimId);
    onClose();
  };

  return (
    <SidePanel label="Overview" onClose={onClose} wide extraWide={tab === 'claims' && view === 'table'}>
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
          <CountChips
            states={STATES}
            levels={project.ratingScale.levels}
            counts={counts}
            state={filters.state ?? ''}
            verdict={filters.verdict ?? ''}
            onState={(state) => set({ state })}
            onVerdict={(verdict) => set({ verdict })}
          />

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
            <div className="overview-toggles" role="group" aria-label="Tasks">
              <label className={`count-chip${mine ? ' is-checked' : ''}`} title={me ? `Claims assigned to ${me}` : 'Set your name in Settings first'}>
                <input type="checkbox" className="chip-input" checked={mine} disabled={!me} onChange={(event) => setMine(event.target.checked)} />
                Assigned to me
              </label>
              <label className={`count-chip${overdue ? ' is-checked' : ''}`} title="Due before today and not approved yet">
                <input type="checkbox" className="chip-input" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />
                Overdue
              </label>
            </div>
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

          <div className="overview-result-row">
          <p className="overview-result-count" role="status">
            {claims.length === project.claims.length
              ? `${claims.length} ${project.claims.length === 1 ? 'claim' : 'claims'}`
              : `${claims.length} of ${project.claims.length} ${project.claims.length === 1 ? 'claim' : 'claims'}`}
          </p>
          <div className="overview-view" role="radiogroup" aria-label="Show claims as">
            <label className={`view-choice${view === 'list' ? ' is-checked' : ''}`}>
              <input type="radio" className="chip-input" name="overview-view" checked={view === 'list'} onChange={() => setView('list')} />
              List
            </label>
            <label className={`view-choice${view === 'table' ? ' is-checked' : ''}`}>
              <input type="radio" className="chip-input" name="overview-view" checked={view === 'table'} onChange={() => setView('table')} />
              Table
            </label>
          </div>
          </div>
          {view === 'table' ? (
            <ClaimTable project={project} claims={claims} selectedClaimId={selectedClaimId} onOpen={open} />
          ) : (
            <OverviewList project={project} claims={claims} selectedClaimId={selectedClaimId} onOpen={open} />
          )}
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
