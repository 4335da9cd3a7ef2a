/**
 * Stamps and signs the history entries this person makes: key id, device id and a hybrid logical
 * clock timestamp go into the entry (commitChange puts them there), and the signature over the
 * entry's signed part is added once the entry exists.
 */
import type { ChangeMeta, HistoryEntry, Project } from '../../../shared/operations';
import { signedPart } from '../../../shared/sync/entryStamp';
import { HybridClock, isHlcString } from '../../../shared/sync/hlc';
import type { Identity } from './identity';
import { signEntry } from './signatures';

export class EntryStamper {
  private readonly clock: HybridClock;

  constructor(
    readonly identity: Identity,
    now: () => number = Date.now,
  ) {
    this.clock = new HybridClock(now);
  }

  /** Histories read already: a history list is never changed in place, so once is enough. */
  private readonly observed = new WeakSet<readonly HistoryEntry[]>();

  /** Moves the clock past every entry of `project` (a merge may have brought entries from clocks ahead). */
  observe(project: Pick<Project, 'history'>): void {
    if (this.observed.has(project.history)) return;
    let latest: string | undefined;
    for (const entry of project.history) if (entry.hlc && isHlcString(entry.hlc) && (!latest || entry.hlc > latest)) latest = entry.hlc;
    if (latest && latest > this.clock.send()) this.clock.receive(latest);
    this.observed.add(project.history);
  }

  /** `after` is `before` (read already) with entries appended: only those are read. */
  observeAppended(before: readonly HistoryEntry[], after: readonly HistoryEntry[]): void {
    if (!this.observed.has(before)) return;
    this.observe({ history: after.slice(before.length) });
    this.observed.add(after);
  }

  /** The stamps of the next entry. */
  meta(base: Pick<ChangeMeta, 'author' | 'at' | 'id'>): ChangeMeta {
    return { ...base, keyId: this.identity.keyId, device: this.identity.deviceId, hlc: this.clock.send() };
  }

  /** The entry with its signature. */
  seal(entry: HistoryEntry): HistoryEntry {
    const { signature } = signEntry(signedPart(entry), this.identity.privateKey);
    return { ...entry, signature };
  }
}
