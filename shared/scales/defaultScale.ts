/**
 * Rating scales: the verdict levels a checker picks from. The default scale follows the common
 * six-level "Truth-O-Meter"-like ladder, with calm, distinguishable colours.
 */
import type { RatingScale } from '../model';

export const DEFAULT_RATING_SCALE: RatingScale = {
  id: 'default',
  name: 'Default scale',
  levels: [
    {
      id: 'true',
      label: 'True',
      color: '#2e7d5b',
      description: 'The statement is accurate and nothing significant is missing.',
      rating: 5,
    },
    {
      id: 'mostly-true',
      label: 'Mostly true',
      color: '#6a9f4b',
      description: 'The statement is accurate but needs clarification or additional information.',
      rating: 4,
    },
    {
      id: 'half-true',
      label: 'Half true',
      color: '#c9a227',
      description: 'The statement is partially accurate but leaves out important details or takes things out of context.',
      rating: 3,
    },
    {
      id: 'mostly-false',
      label: 'Mostly false',
      color: '#d27a34',
      description: 'The statement contains an element of truth but ignores facts that would give a different impression.',
      rating: 2,
    },
    {
      id: 'false',
      label: 'False',
      color: '#b5473f',
      description: 'The statement is not accurate.',
      rating: 1,
    },
    {
      id: 'unproven',
      label: 'Unproven',
      color: '#6b7280',
      description: 'The available evidence is not enough to prove or disprove the statement.',
      rating: null,
    },
  ],
};

/** A fresh copy of the default scale, safe to put in a new project. */
export function defaultRatingScale(): RatingScale {
  return {
    ...DEFAULT_RATING_SCALE,
    levels: DEFAULT_RATING_SCALE.levels.map((level) => ({ ...level })),
  };
}
