import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_MAX_WAIT_MS, DraftTimer } from '../../../../renderer/src/claims/draftTimer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the maximum wait of a field draft', () => {
  it('commits steady typing at most the maximum wait after its first keystroke, however often the user types', () => {
    const commit = vi.fn();
    const timer = new DraftTimer(commit);
    for (let t = 0; t < DRAFT_MAX_WAIT_MS - 100; t += 100) {
      timer.typed();
      vi.advanceTimersByTime(100);
    }
    expect(commit).not.toHaveBeenCalled();
    timer.typed();
    vi.advanceTimersByTime(100);
    expect(commit).toHaveBeenCalledTimes(1);
    // The next keystroke starts a new wait.
    timer.typed();
    vi.advanceTimersByTime(DRAFT_MAX_WAIT_MS);
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('does nothing while nobody types, and nothing after the draft was committed by leaving the field', () => {
    const commit = vi.fn();
    const timer = new DraftTimer(commit, 1000);
    vi.advanceTimersByTime(5000);
    expect(commit).not.toHaveBeenCalled();
    timer.typed();
    expect(timer.waiting).toBe(true);
    timer.committed();
    expect(timer.waiting).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(commit).not.toHaveBeenCalled();
  });
});
