// @vitest-environment jsdom
/**
 * afterPaint: work runs in a task after the next frame (not before it, not inside the frame's
 * callbacks); a frame that does not come does not hold it past MAX_WAIT_MS; a hidden window, or one
 * being left, runs it at once, and leaving runs what waits (a change made on the way out is sent).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type AfterPaint = typeof import('../../../../renderer/src/platform/afterPaint');
let frames: Array<() => void> = [];
let visibility: DocumentVisibilityState = 'visible';

async function load(): Promise<AfterPaint> {
  vi.resetModules();
  return import('../../../../renderer/src/platform/afterPaint');
}

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  visibility = 'visible';
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => undefined;
  });
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const paintFrame = () => frames.splice(0).forEach((callback) => callback());

describe('afterPaint', () => {
  it('runs the work in a task after the next frame, once', async () => {
    const { afterPaint } = await load();
    const work = vi.fn();
    afterPaint(work);
    vi.advanceTimersByTime(50);
    expect(work).not.toHaveBeenCalled();
    paintFrame();
    // Not inside the frame's callbacks: the frame is painted first, and a task another callback of that frame
    // queued (the claim list's scroll) runs before it.
    expect(work).not.toHaveBeenCalled();
    const order: string[] = [];
    work.mockImplementation(() => order.push('work'));
    setTimeout(() => order.push('queued by the frame'), 0);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['queued by the frame', 'work']);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does not wait longer than MAX_WAIT_MS for a frame that does not come', async () => {
    const { afterPaint, MAX_WAIT_MS } = await load();
    const work = vi.fn();
    afterPaint(work);
    vi.advanceTimersByTime(MAX_WAIT_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    paintFrame();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a hidden window, and runs what waits when the window is hidden', async () => {
    const { afterPaint } = await load();
    const waiting = vi.fn();
    afterPaint(waiting);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(waiting).toHaveBeenCalledTimes(1);
    const now = vi.fn();
    afterPaint(now);
    expect(now).toHaveBeenCalledTimes(1);
  });

  it('a window being left runs what waits, and work given on the way out (a pagehide listener) at once', async () => {
    const { afterPaint } = await load();
    const waiting = vi.fn();
    afterPaint(waiting);
    const onTheWayOut = vi.fn();
    // The page's own pagehide listener (a draft field committing what was typed) gives more work.
    window.addEventListener('pagehide', () => afterPaint(onTheWayOut), { once: true });
    window.dispatchEvent(new Event('pagehide'));
    expect(waiting).toHaveBeenCalledTimes(1);
    expect(onTheWayOut).toHaveBeenCalledTimes(1);
    // Back from the page cache: frames again.
    window.dispatchEvent(new Event('pageshow'));
    const later = vi.fn();
    afterPaint(later);
    expect(later).not.toHaveBeenCalled();
    paintFrame();
    vi.advanceTimersByTime(1);
    expect(later).toHaveBeenCalledTimes(1);
  });
});

describe('afterNextFrame', () => {
  it('runs the work in a task after the next frame, and not once cancelled', async () => {
    const { afterNextFrame } = await load();
    const work = vi.fn();
    afterNextFrame(work);
    vi.advanceTimersByTime(50);
    expect(work).not.toHaveBeenCalled();
    paintFrame();
    // Not inside the frame's callbacks: in the task after them.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);

    const cancelledBeforeTheFrame = vi.fn();
    afterNextFrame(cancelledBeforeTheFrame)();
    paintFrame();
    vi.advanceTimersByTime(1);
    const cancelledAfterTheFrame = vi.fn();
    const cancel = afterNextFrame(cancelledAfterTheFrame);
    paintFrame();
    cancel();
    vi.advanceTimersByTime(1);
    expect(cancelledBeforeTheFrame).not.toHaveBeenCalled();
    expect(cancelledAfterTheFrame).not.toHaveBeenCalled();
  });
});
