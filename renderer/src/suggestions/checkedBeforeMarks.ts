/**
 * Which suggested sentences the fact-check archive already holds as the same claim. Lookups run one at
 * a time (the archive is asked for its best match only), each text once per window; when the list
 * changes, texts no longer shown are dropped from the queue, so a long article costs one short query
 * per suggestion, never a burst.
 */
import type { CheckedBeforeMatch } from '../../../shared/api';

/** Asks the archive for a text's best match. */
export type LookupBest = (text: string) => Promise<CheckedBeforeMatch[]>;

/** How many answers are kept; the oldest go first. */
const CACHE_LIMIT = 2000;

export class CheckedBeforeMarks {
  private readonly found = new Map<string, CheckedBeforeMatch | null>();
  private queue: string[] = [];
  private running = false;
  private asking: string | null = null;
  private disposed = false;

  constructor(
    private readonly lookup: LookupBest,
    private readonly onChange: () => void,
  ) {}

  /** The earlier fact-check of the same claim, when the archive has one (undefined while not yet asked). */
  matchOf(text: string): CheckedBeforeMatch | null | undefined {
    return this.found.get(text);
  }

  /** Asks about the texts shown now (in their order) that were not asked before. */
  want(texts: readonly string[]): void {
    this.queue = [...new Set(texts)].filter((text) => !this.found.has(text) && text !== this.asking);
    if (!this.running) void this.drain();
  }

  /** Stops asking (the list closed). */
  dispose(): void {
    this.disposed = true;
    this.queue = [];
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (!this.disposed && this.queue.length > 0) {
        const text = this.queue.shift()!;
        let match: CheckedBeforeMatch | null;
        this.asking = text;
        try {
          match = (await this.lookup(text)).find((m) => m.sameClaim) ?? null;
        } catch {
          // The archive could not be asked: no mark, and no retry storm; the next list change asks again.
          continue;
        } finally {
          this.asking = null;
        }
        if (this.disposed) return;
        this.remember(text, match);
        if (match) this.onChange();
      }
    } finally {
      this.running = false;
    }
  }

  private remember(text: string, match: CheckedBeforeMatch | null): void {
    if (this.found.size >= CACHE_LIMIT) this.found.delete(this.found.keys().next().value!);
    this.found.set(text, match);
  }
}
