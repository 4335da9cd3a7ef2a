/**
 * When a field's typing is committed though the user has not left the field: at most `maxWaitMs`
 * after the first uncommitted keystroke, so a long stretch of typing is never further than that from
 * the disk (a crash or a lost window loses at most that much). Leaving the field commits at once.
 */
export const DRAFT_MAX_WAIT_MS = 10_000;

export class DraftTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly commit: () => void,
    private readonly maxWaitMs = DRAFT_MAX_WAIT_MS,
  ) {}

  /** A keystroke: starts the wait if none is running (later keystrokes do not push it back). */
  typed(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.commit();
    }, this.maxWaitMs);
  }

  /** The draft was committed another way (blur, Enter, page hidden): nothing is waiting any more. */
  committed(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  get waiting(): boolean {
    return this.timer !== null;
  }
}
