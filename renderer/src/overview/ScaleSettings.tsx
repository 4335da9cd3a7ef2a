/**
 * The project's rating scale: pick a preset or edit a custom scale (name, colour, order,
 * description, numeric rating). Applying maps existing verdicts to the new levels, and flags
 * those that cannot be mapped — never losing them.
 */
import { useMemo, useState } from 'react';
import type { RatingLevel, RatingScale } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { planScaleChange, suggestMapping, validateScale, type LevelMapping } from '../../../shared/scales/scaleChange';
import { SCALE_PRESETS, presetById } from '../../../shared/scales/presets';
import { newId } from '../../../shared/ids';
import { useSession } from '../app/context';

const cloneScale = (scale: RatingScale): RatingScale => ({ ...scale, levels: scale.levels.map((l) => ({ ...l })) });

export function ScaleSettings({ project }: { project: Project }) {
  const session = useSession();
  const [draft, setDraft] = useState<RatingScale>(() => cloneScale(project.ratingScale));
  const [mapping, setMapping] = useState<LevelMapping>({});
  const used = useMemo(() => {
    const ids = new Set<string>();
    for (const claim of project.claims) if (claim.verdict.levelId) ids.add(claim.verdict.levelId);
    return project.ratingScale.levels.filter((l) => ids.has(l.id));
  }, [project]);
  const effectiveMapping = { ...suggestMapping(project.ratingScale, draft), ...mapping };
  const plan = planScaleChange(project, draft, effectiveMapping);
  const problem = validateScale(draft);
  const changed = JSON.stringify(draft) !== JSON.stringify(project.ratingScale);

  const setLevel = (index: number, patch: Partial<RatingLevel>) =>
    setDraft((scale) => ({ ...scale, id: scale.id.startsWith('custom') ? scale.id : `custom-${scale.id}`, name: scale.name.startsWith('Custom') ? scale.name : `Custom: ${scale.name}`, levels: scale.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  const move = (index: number, delta: number) =>
    setDraft((scale) => {
      const levels = scale.levels.slice();
      const target = index + delta;
      if (target < 0 || target >= levels.length) return scale;
      [levels[index], levels[target]] = [levels[target], levels[index]];
      return { ...scale, levels };
    });

  return (
    <section className="overview-section" aria-label="Rating scale">
      <h3 className="panel-section-title">Rating scale</h3>
      <div className="field-row">
        <label className="field grow">
          <span className="field-label">Preset</span>
          <select
            className="field-select"
            aria-label="Scale preset"
            value=""
            onChange={(event) => {
              const preset = presetById(event.target.value);
              if (preset) {
                setDraft(preset.build());
                setMapping({});
              }
            }}
          >
            <option value="">Start from a preset…</option>
            {SCALE_PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="field-hint">
        Editing: <strong>{draft.name}</strong> — {draft.levels.length === 0 ? 'no labels; each verdict is its one-line conclusion.' : `${draft.levels.length} levels.`}
      </p>
      <ol className="scale-levels" aria-label="Levels">
        {draft.levels.map((level, index) => (
          <li key={index} className="scale-level">
            <input type="color" aria-label={`Colour of level ${index + 1}`} value={level.color} onChange={(event) => setLevel(index, { color: event.target.value })} />
            <input className="field-input" aria-label={`Name of level ${index + 1}`} value={level.label} onChange={(event) => setLevel(index, { label: event.target.value })} />
            <input
              className="field-input scale-rating"
              aria-label={`Numeric rating of level ${index + 1}`}
              inputMode="decimal"
              placeholder="—"
              value={level.rating === null ? '' : String(level.rating)}
              onChange={(event) => {
                const text = event.target.value.trim();
                const n = Number(text);
                setLevel(index, { rating: text === '' || !Number.isFinite(n) ? null : n });
              }}
            />
            <span className="scale-level-actions">
              <button type="button" className="button button-quiet button-small" aria-label={`Move level ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="button button-quiet button-small" aria-label={`Move level ${index + 1} down`} disabled={index === draft.levels.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
              <button type="button" className="button button-quiet button-small" aria-label={`Remove level ${index + 1}`} onClick={() => setDraft((s) => ({ ...s, levels: s.levels.filter((_, i) => i !== index) }))}>
                ✕
              </button>
            </span>
            <input
              className="field-input scale-description"
              aria-label={`Description of level ${index + 1}`}
              placeholder="Description"
              value={level.description}
              onChange={(event) => setLevel(index, { description: event.target.value })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => setDraft((s) => ({ ...s, id: s.id.startsWith('custom') ? s.id : `custom-${s.id}`, levels: [...s.levels, { id: newId('level'), label: `Level ${s.levels.length + 1}`, color: '#6b7280', description: '', rating: null }] }))}
      >
        Add level
      </button>

      {changed && used.length > 0 && (
        <div className="scale-mapping">
          <h4 className="panel-subtitle">Existing verdicts</h4>
          {used.map((old) => (
            <label key={old.id} className="scale-map-row">
              <span>{old.label} →</span>
              <select
                className="field-select field-select-small"
                aria-label={`New level for ${old.label}`}
                value={effectiveMapping[old.id] ?? ''}
                onChange={(event) => setMapping((m) => ({ ...m, [old.id]: event.target.value || null }))}
              >
                <option value="">Flag for review</option>
                {draft.levels.map((level) => (
                  <option key={level.id} value={level.id}>
                    {level.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {problem && <p className="field-warning">{problem}</p>}
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" disabled={!changed} onClick={() => setDraft(cloneScale(project.ratingScale))}>
          Discard changes
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!changed || Boolean(problem)}
          onClick={() => {
            if (session.dispatch(plan.op)) {
              if (plan.flagged > 0) session.notify(`${plan.flagged} verdict${plan.flagged === 1 ? '' : 's'} could not be mapped and are flagged for review.`);
            }
          }}
        >
          Apply scale{plan.flagged > 0 ? ` (${plan.flagged} to flag)` : ''}
        </button>
      </div>
    </section>
  );
}
