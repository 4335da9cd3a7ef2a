/**
 * Rating scales a desk can pick per project: the six-level truth scale (with "Pants on fire"), a
 * Snopes-style scale, a five-point numeric scale and "conclusion only" (no label, a one-line
 * conclusion, as Full Fact publishes). Plus the foundation's default scale.
 */
import type { RatingLevel, RatingScale } from '../model';
import { defaultRatingScale } from './defaultScale';

const level = (id: string, label: string, color: string, rating: number | null, description: string): RatingLevel => ({
  id,
  label,
  color,
  rating,
  description,
});

export interface ScalePreset {
  id: string;
  name: string;
  build(): RatingScale;
}

export const SCALE_PRESETS: ScalePreset[] = [
  { id: 'default', name: 'Default (six levels with Unproven)', build: defaultRatingScale },
  {
    id: 'truth-six',
    name: 'Six-level truth scale (Pants on fire)',
    build: () => ({
      id: 'truth-six',
      name: 'Six-level truth scale',
      levels: [
        level('true', 'True', '#2e7d5b', 6, 'The statement is accurate and nothing significant is missing.'),
        level('mostly-true', 'Mostly true', '#6a9f4b', 5, 'Accurate but needs clarification or additional information.'),
        level('half-true', 'Half true', '#c9a227', 4, 'Partially accurate; leaves out important details or takes things out of context.'),
        level('mostly-false', 'Mostly false', '#d27a34', 3, 'Contains an element of truth but ignores facts that would give a different impression.'),
        level('false', 'False', '#b5473f', 2, 'The statement is not accurate.'),
        level('pants-on-fire', 'Pants on fire', '#7f2a2a', 1, 'Not accurate and makes a ridiculous claim.'),
      ],
    }),
  },
  {
    id: 'snopes',
    name: 'Snopes-style scale',
    build: () => ({
      id: 'snopes',
      name: 'Snopes-style scale',
      levels: [
        level('true', 'True', '#2e7d5b', 5, 'The primary elements of the claim are demonstrably true.'),
        level('mostly-true', 'Mostly true', '#6a9f4b', 4, 'The primary elements are true, but some details are inaccurate.'),
        level('mixture', 'Mixture', '#c9a227', 3, 'The claim has significant elements of both truth and falsity.'),
        level('mostly-false', 'Mostly false', '#d27a34', 2, 'The primary elements are false, though some details are accurate.'),
        level('false', 'False', '#b5473f', 1, 'The primary elements of the claim are demonstrably false.'),
        level('unproven', 'Unproven', '#6b7280', null, 'There is not enough evidence to prove or disprove the claim.'),
        level('miscaptioned', 'Miscaptioned', '#7a5c99', null, 'Real media presented with a false description of what it shows.'),
        level('outdated', 'Outdated', '#5b7d99', null, 'Was accurate once, but circumstances have changed.'),
        level('satire', 'Satire', '#8a7a5c', null, 'Content that originated as satire and was taken at face value.'),
      ],
    }),
  },
  {
    id: 'numeric-five',
    name: 'Five-point numeric scale',
    build: () => ({
      id: 'numeric-five',
      name: 'Five-point numeric scale',
      levels: [
        level('5', '5 – Accurate', '#2e7d5b', 5, 'Accurate.'),
        level('4', '4 – Largely accurate', '#6a9f4b', 4, 'Largely accurate.'),
        level('3', '3 – Partly accurate', '#c9a227', 3, 'Partly accurate.'),
        level('2', '2 – Largely inaccurate', '#d27a34', 2, 'Largely inaccurate.'),
        level('1', '1 – Inaccurate', '#b5473f', 1, 'Inaccurate.'),
      ],
    }),
  },
  {
    id: 'conclusion-only',
    name: 'Conclusion only (no label)',
    build: () => ({ id: 'conclusion-only', name: 'Conclusion only', levels: [] }),
  },
];

export function presetById(id: string): ScalePreset | undefined {
  return SCALE_PRESETS.find((preset) => preset.id === id);
}
