/**
 * How the window looks, kept in the user's settings: the colour theme (following the system's
 * light or dark setting unless the user picks one) and the text size, in steps as browsers zoom.
 */
import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const THEME_LABELS: Record<Theme, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
};

/** Text sizes in percent of the normal size. */
export const TEXT_SIZES = [75, 80, 90, 100, 110, 125, 150, 175, 200] as const;
export const NORMAL_TEXT_SIZE = 100;

export const TextSizeSchema = z.number().int().min(TEXT_SIZES[0]).max(TEXT_SIZES[TEXT_SIZES.length - 1]);

/** The next size up (+1) or down (-1) from `current`, or back to normal (0); sizes between steps snap to the next step. */
export function stepTextSize(current: number, step: 1 | -1 | 0): number {
  if (step === 0) return NORMAL_TEXT_SIZE;
  if (step > 0) return TEXT_SIZES.find((size) => size > current) ?? TEXT_SIZES[TEXT_SIZES.length - 1];
  return [...TEXT_SIZES].reverse().find((size) => size < current) ?? TEXT_SIZES[0];
}
