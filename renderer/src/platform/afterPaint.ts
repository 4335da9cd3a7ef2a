/**
 * Work that must not stand between the user's input and the frame that answers it (sending a change to
 * the main side: in browser mode a fetch costs the page 2–12 ms of its main thread, and its reply
 * renders the workspace again): it runs in a task after the next frame is painted, after the tasks
 * that frame queued.
 *
 * A window that paints no frames (hidden, minimized) runs it at once; a window being left (closed,
 * reloaded) runs what waits and everything given from then on at once, so a change made on the way
 * out (a draft committed on pagehide) still goes; and a frame that does not come within MAX_WAIT_MS
 * does not hold the work longer.
 */

/** The longest the work waits for a frame. */
export const MAX_WAIT_MS = 1000;

const waiting = new Set<() => void>();
let leaving = false;
let listening = false;

function runWaiting(): void {
  for (const run of [...waiting]) run();
}

function listen(): void {
  if (listening) return;
  listening = true;
  // Capture: these run before the page's own pagehide listeners (which may commit one more change).
  window.addEventListener(
    'pagehide',
    () => {
      leaving = true;
      runWaiting();
    },
    true,
  );
  window.addEventListener('pageshow', () => (leaving = false), true);
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') runWaiting();
    },
    true,
  );
}

export function afterPaint(work: () => void): void {
  listen();
  if (leaving || document.visibilityState === 'hidden') {
    work();
    return;
  }
  let done = false;
  let timer = 0;
  const run = () => {
    if (done) return;
    done = true;
    waiting.delete(run);
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
    work();
  };
  // requestAnimationFrame runs before the frame is painted; a task queued there runs after it. One hop more
  // lets the tasks the frame's other callbacks queued go first (the claim list scrolling to a new claim).
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(() => {
      timer = window.setTimeout(run, 0);
    }, 0);
  });
  const fallback = window.setTimeout(run, MAX_WAIT_MS);
  waiting.add(run);
}

/**
 * `work` in a task right after the next frame is painted (when the page is laid out and shows what the
 * last render did), for an effect that looks at or moves what that frame shows: the reader bringing the
 * selected claim into view, the claim list following it. Returns what cancels it (an effect's cleanup).
 */
export function afterNextFrame(work: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
