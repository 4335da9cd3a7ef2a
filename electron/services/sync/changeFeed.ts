/**
 * The change feed behind waitForChanges: a counter of everything that happened to the open project
 * (the window's own changes, merges, sync status) and the long polls waiting for news the window
 * did not make itself. Counters, not history positions: a merge may insert older entries.
 */
export class ChangeFeed {
  private counter = 0;
  /** The counter at the latest change the window did not make (a merge, a new sync status, another project). */
  private lastForeign = 0;
  /** The counter at the latest of those that changed the project (a merge, another project): not a sync status. */
  private lastProject = 0;
  private waiters = new Set<() => void>();

  get seq(): number {
    return this.counter;
  }

  /** Whether something the window did not make happened after `since`. */
  hasNewsSince(since: number): boolean {
    return this.happenedSince(this.lastForeign, since);
  }

  /**
   * Whether the project changed after `since` in a way the window did not make (or `since` is from
   * another run): the news then carries the project; a new sync status alone does not (the whole
   * project, megabytes at scale, went to the window each time the status line changed).
   */
  projectChangedSince(since: number): boolean {
    return this.happenedSince(this.lastProject, since);
  }

  /** Whether the change counted at `mark` came after `since`, or `since` is from another run (past this counter). */
  private happenedSince(mark: number, since: number): boolean {
    return mark > since || since > this.counter;
  }

  /** The window's own change (applyChanges): counted, wakes nobody. */
  noteOwn(): void {
    this.counter++;
  }

  /** A change of the project the window must hear of (a merge, another project opened or closed). */
  noteForeign(): void {
    this.noteStatus();
    this.lastProject = this.counter;
  }

  /** News that leaves the project as it was (a new sync status). */
  noteStatus(): void {
    this.counter++;
    this.lastForeign = this.counter;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves with true once there is news after `since`, or false after `timeoutMs`. */
  wait(since: number, timeoutMs: number): Promise<boolean> {
    if (this.hasNewsSince(since)) return Promise.resolve(true);
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** Answers every waiting poll (at shutdown). */
  release(): void {
    this.noteForeign();
  }
}
