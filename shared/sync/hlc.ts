/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that stays close to wall-clock time yet
 * never goes backwards and always orders an event after everything its copy had seen. Pure: the
 * caller passes "now" in milliseconds.
 *
 * A clock far ahead (a laptop set a year forward) is taken as it is: timestamps received from it
 * move this clock forward and later local events are ordered after them (by the counter) until
 * wall-clock time catches up. Nothing is ever clamped, so every copy orders the same entries the
 * same way.
 *
 * String form: `<wall ms, 15 decimal digits>-<counter, 10 decimal digits>`, e.g.
 * `001795855049004-0000000003`. Fixed width, so the strings sort exactly as compareHlc orders
 * them. The range is 0 ≤ wall ms < 10^15 (past the year 33000) and 0 ≤ counter < 10^10; a
 * timestamp outside it is malformed data, refused by parseHlc.
 */

export interface Hlc {
  /** Milliseconds since 1970 (the largest wall-clock time this clock has seen). */
  readonly wallMs: number;
  /** Orders events within one wallMs. */
  readonly counter: number;
}

export const HLC_WALL_LIMIT = 1e15;
export const HLC_COUNTER_LIMIT = 1e10;
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 10;
const HLC_PATTERN = /^(\d{15})-(\d{10})$/;

export const HLC_ZERO: Hlc = Object.freeze({ wallMs: 0, counter: 0 });

export class HlcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HlcError';
  }
}

function physical(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) return 0;
  return Math.min(Math.floor(nowMs), HLC_WALL_LIMIT - 1);
}

/** Keeps the counter in range: on overflow the clock steps one millisecond forward instead. */
function normalise(wallMs: number, counter: number): Hlc {
  if (counter < HLC_COUNTER_LIMIT) return { wallMs, counter };
  if (wallMs + 1 >= HLC_WALL_LIMIT) throw new HlcError('hybrid logical clock exhausted its range');
  return { wallMs: wallMs + 1, counter: 0 };
}

export function isHlc(value: unknown): value is Hlc {
  if (typeof value !== 'object' || value === null) return false;
  const { wallMs, counter } = value as Hlc;
  return (
    Number.isInteger(wallMs) && wallMs >= 0 && wallMs < HLC_WALL_LIMIT &&
    Number.isInteger(counter) && counter >= 0 && counter < HLC_COUNTER_LIMIT
  );
}

function checked(value: Hlc, role: string): Hlc {
  if (!isHlc(value)) throw new HlcError(`${role} is not a valid hybrid logical clock value`);
  return value;
}

/** The timestamp of a new local event: later than `local` and at least the wall clock. */
export function hlcSend(local: Hlc, nowMs: number): Hlc {
  checked(local, 'the local clock');
  const pt = physical(nowMs);
  if (pt > local.wallMs) return { wallMs: pt, counter: 0 };
  return normalise(local.wallMs, local.counter + 1);
}

/** The local clock after receiving `remote`: later than both, at least the wall clock. */
export function hlcReceive(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  checked(local, 'the local clock');
  checked(remote, 'the received timestamp');
  const pt = physical(nowMs);
  const wallMs = Math.max(local.wallMs, remote.wallMs, pt);
  if (wallMs === local.wallMs && wallMs === remote.wallMs) {
    return normalise(wallMs, Math.max(local.counter, remote.counter) + 1);
  }
  if (wallMs === local.wallMs) return normalise(wallMs, local.counter + 1);
  if (wallMs === remote.wallMs) return normalise(wallMs, remote.counter + 1);
  return { wallMs, counter: 0 };
}

/** -1, 0 or 1: orders by wall time, then counter. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return 0;
}

/** The sortable string form. */
export function formatHlc(value: Hlc): string {
  checked(value, 'the timestamp');
  return `${String(value.wallMs).padStart(WALL_DIGITS, '0')}-${String(value.counter).padStart(COUNTER_DIGITS, '0')}`;
}

/** Reads the string form; throws HlcError for anything else. */
export function parseHlc(text: string): Hlc {
  const match = typeof text === 'string' ? HLC_PATTERN.exec(text) : null;
  if (!match) throw new HlcError(`not a hybrid logical clock timestamp: ${JSON.stringify(String(text)).slice(0, 60)}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]) };
}

export function isHlcString(text: unknown): text is string {
  return typeof text === 'string' && HLC_PATTERN.test(text);
}

/**
 * A clock that keeps its state: `send()` stamps a local event, `receive(ts)` folds in a remote
 * one. `now` is injectable for tests; the state can be saved (`current`) and restored.
 */
export class HybridClock {
  private state: Hlc;

  constructor(
    private readonly now: () => number,
    initial: Hlc | string = HLC_ZERO,
  ) {
    this.state = typeof initial === 'string' ? parseHlc(initial) : checked(initial, 'the initial clock');
  }

  get current(): Hlc {
    return this.state;
  }

  /** The string timestamp for a new local event. */
  send(): string {
    this.state = hlcSend(this.state, this.now());
    return formatHlc(this.state);
  }

  /** Folds in a received timestamp (object or string form). */
  receive(remote: Hlc | string): void {
    this.state = hlcReceive(this.state, typeof remote === 'string' ? parseHlc(remote) : remote, this.now());
  }
}
