/**
 * A component whose code is a chunk of its own, fetched the first time it renders (React.lazy) or
 * earlier through `preload()` (on idle, or when the pointer reaches the button that opens it).
 * Render it inside a LazyBoundary.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { whenIdle } from '../platform/whenIdle';

export type LazyComponent<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const once = () => {
    loading ??= load();
    return loading;
  };
  const component = lazy(async () => ({ default: await once() }));
  // A failed preload is reported when the component renders (LazyBoundary), not as an unhandled rejection.
  return Object.assign(component, { preload: () => once().catch(() => undefined) });
}

/** Fetches chunks once the window is idle after the first paint, so they are ready when first opened. */
export function preloadWhenIdle(...components: { preload: () => Promise<unknown> }[]): void {
  whenIdle(() => components.forEach((component) => void component.preload()), 3000);
}
