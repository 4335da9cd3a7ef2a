/**
 * Work for when the window is idle (requestIdleCallback, at the latest after `timeoutMs`; a timer where
 * the browser has no idle callbacks). Returns a cancel function, for an effect's cleanup.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, Math.min(timeoutMs, 500));
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
