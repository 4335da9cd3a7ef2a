import { describe, expect, it } from 'vitest';
import { RatingScaleSchema } from '../../../../shared/model';
import { apply, invert } from '../../../../shared/operations';
import { presetById, SCALE_PRESETS } from '../../../../shared/scales/presets';
import { planScaleChange, suggestMapping, validateScale } from '../../../../shared/scales/scaleChange';
import { reviewWarnings } from '../../../../shared/workflow/warnings';
import { withVerdicts } from '../helpers';

describe('rating scale presets', () => {
  it('are valid scales with the named levels', () => {
    for (const preset of SCALE_PRESETS) {
      const scale = preset.build();
      expect(RatingScaleSchema.safeParse(scale).success).toBe(true);
      expect(validateScale(scale)).toBeNull();
    }
    expect(presetById('truth-six')!.build().levels.map((l) => l.label)).toEqual(['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Pants on fire']);
    expect(presetById('snopes')!.build().levels.map((l) => l.label)).toContain('Miscaptioned');
    expect(presetById('numeric-five')!.build().levels).toHaveLength(5);
    expect(presetById('conclusion-only')!.build().levels).toEqual([]);
  });

  it('validates custom scales', () => {
    const scale = presetById('truth-six')!.build();
    expect(validateScale({ ...scale, levels: [...scale.levels, { ...scale.levels[0], id: 'x' }] })).toMatch(/Two levels are named/);
    expect(validateScale({ ...scale, levels: [{ ...scale.levels[0], color: 'red' }] })).toMatch(/colour/);
  });
});

describe('changing the scale', () => {
  it('maps by id and label, flags the rest, and undo restores every verdict', () => {
    const p = withVerdicts({ c1: 'mostly-false', c2: 'unproven', c3: 'half-true' });
    const snopes = presetById('snopes')!.build();
    expect(suggestMapping(p.ratingScale, snopes)).toMatchObject({ 'mostly-false': 'mostly-false', 'half-true': null, unproven: 'unproven' });
    const plan = planScaleChange(p, snopes);
    expect(plan.mapped).toBe(2);
    expect(plan.flagged).toBe(1);
    const after = apply(p, plan.op);
    expect(after.ratingScale.id).toBe('snopes');
    expect(after.claims.map((c) => c.verdict.levelId)).toEqual(['mostly-false', 'unproven', null]);
    expect(after.claims[2].verdict.previousLabel).toBe('Half true');
    expect(reviewWarnings(after, after.claims[2]).map((w) => w.code)).toContain('unmapped-verdict');
    expect(apply(after, invert(p, plan.op))).toEqual(p);
  });

  it('uses an explicit mapping, and a later scale with the old label clears the flag', () => {
    const p = withVerdicts({ c1: 'half-true' });
    const snopes = presetById('snopes')!.build();
    const mapped = apply(p, planScaleChange(p, snopes, { 'half-true': 'mixture' }).op);
    expect(mapped.claims[0].verdict.levelId).toBe('mixture');

    const flagged = apply(p, planScaleChange(p, presetById('conclusion-only')!.build()).op);
    expect(flagged.claims[0].verdict).toMatchObject({ levelId: null, previousLabel: 'Half true' });
    const back = apply(flagged, planScaleChange(flagged, presetById('truth-six')!.build()).op);
    expect(back.claims[0].verdict.levelId).toBe('half-true');
    expect(back.claims[0].verdict.previousLabel).toBeUndefined();
  });
});
