/**
 * Applies the user's appearance settings to the window: the colour theme (data-theme on the root
 * element; "system" follows prefers-color-scheme in CSS) and the text size (CSS zoom on the root,
 * which scales the whole interface, dialogs and layers included).
 */
import { useInsertionEffect } from 'react';
import { NORMAL_TEXT_SIZE, type Theme } from '../../../shared/appearance';

export function applyAppearance(theme: Theme, textSize: number, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.style.zoom = textSize === NORMAL_TEXT_SIZE ? '' : String(textSize / 100);
}

/**
 * Applied before the page is laid out (an insertion effect): the settings come with the project, and
 * a theme set after the workspace's first layout would restyle every element of it again.
 */
export function useAppearance(theme: Theme | undefined, textSize: number | undefined): void {
  useInsertionEffect(() => {
    applyAppearance(theme ?? 'system', textSize ?? NORMAL_TEXT_SIZE);
  }, [theme, textSize]);
}

/** The zoom in effect on an element (1 without one): rectangles are zoomed, CSS lengths set on it are not. */
export function cssZoom(element: Element | null | undefined): number {
  const zoom = (element as (Element & { currentCSSZoom?: number }) | null | undefined)?.currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 ? zoom : 1;
}
