import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HLC_COUNTER_LIMIT,
  HLC_ZERO,
  HybridClock,
  compareHlc,
  formatHlc,
  hlcReceive,
  hlcSend,
  parseHlc,
  type Hlc,
} from '../../../../shared/sync/hlc';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 28, 8, 0, 0);

const arbWall = fc.integer({ min: 0, max: 4e12 });
const arbHlc: fc.Arbitrary<Hlc> = fc.record({ wallMs: arbWall, counter: fc.integer({ min: 0, max: 1000 }) });

/** A random run of one replica's events: local sends and receives of arbitrary remote stamps. */
const arbEvents = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('send' as const), now: arbWall }),
    fc.record({ kind: fc.constant('receive' as const), now: arbWall, remote: arbHlc }),
  ),
  { minLength: 1, maxLength: 60 },
);

describe('hybrid logical clock', () => {
  it('follows the wall clock while it moves forward, and counts within one millisecond', () => {
    let clock = hlcSend(HLC_ZERO, NOW);
    expect(clock).toEqual({ wallMs: NOW, counter: 0 });
    clock = hlcSend(clock, NOW);
    expect(clock).toEqual({ wallMs: NOW, counter: 1 });
    clock = hlcSend(clock, NOW - 5000); // wall clock stepped back: never goes backwards
    expect(clock).toEqual({ wallMs: NOW, counter: 2 });
    expect(hlcSend(clock, NOW + 7)).toEqual({ wallMs: NOW + 7, counter: 0 });
  });

  it('accepts a clock a year ahead as it is and orders later local events after it', () => {
    const ahead = { wallMs: NOW + YEAR_MS, counter: 4 };
    const afterReceive = hlcReceive({ wallMs: NOW, counter: 0 }, ahead, NOW + 1);
    expect(afterReceive).toEqual({ wallMs: NOW + YEAR_MS, counter: 5 });
    const next = hlcSend(afterReceive, NOW + 2);
    expect(next).toEqual({ wallMs: NOW + YEAR_MS, counter: 6 });
    expect(formatHlc(next) > formatHlc(ahead)).toBe(true);
  });

  it('writes a fixed-width string that sorts like the clock and reads it back', () => {
    expect(formatHlc({ wallMs: 1795855049004, counter: 3 })).toBe('001795855049004-0000000003');
    expect(parseHlc('001795855049004-0000000003')).toEqual({ wallMs: 1795855049004, counter: 3 });
    for (const bad of ['', '1795855049004-3', '001795855049004-000000000x', '001795855049004-0000000003 ', 'x']) {
      expect(() => parseHlc(bad)).toThrow(/not a hybrid logical clock timestamp/);
    }
    expect(() => formatHlc({ wallMs: -1, counter: 0 })).toThrow(/not a valid/);
    expect(() => formatHlc({ wallMs: 1.5, counter: 0 })).toThrow(/not a valid/);
  });

  it('steps the wall time on counter overflow instead of failing', () => {
    expect(hlcSend({ wallMs: NOW, counter: HLC_COUNTER_LIMIT - 1 }, NOW)).toEqual({ wallMs: NOW + 1, counter: 0 });
  });

  it('keeps its state in HybridClock and folds in received string stamps', () => {
    let now = NOW;
    const clock = new HybridClock(() => now);
    const a = clock.send();
    const b = clock.send();
    expect(b > a).toBe(true);
    clock.receive(formatHlc({ wallMs: NOW + YEAR_MS, counter: 0 }));
    now += 10;
    expect(clock.send()).toBe(formatHlc({ wallMs: NOW + YEAR_MS, counter: 2 }));
    expect(new HybridClock(() => now, clock.current).current).toEqual(clock.current);
  });

  it('property: string order equals compareHlc order, and format/parse round-trips', () => {
    fc.assert(
      fc.property(arbHlc, arbHlc, (a, b) => {
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        expect(parseHlc(sa)).toEqual(a);
        expect(Math.sign(sa < sb ? -1 : sa > sb ? 1 : 0)).toBe(compareHlc(a, b));
      }),
    );
  });

  it('property: every event is strictly later than the one before and than what it received', () => {
    fc.assert(
      fc.property(arbHlc, arbEvents, (start, events) => {
        let clock = start;
        for (const event of events) {
          const next = event.kind === 'send' ? hlcSend(clock, event.now) : hlcReceive(clock, event.remote, event.now);
          expect(compareHlc(next, clock)).toBe(1);
          if (event.kind === 'receive') expect(compareHlc(next, event.remote)).toBe(1);
          // Never behind the wall clock, and never invented beyond what was seen (no clamping either way).
          const seen = Math.max(clock.wallMs, event.now, event.kind === 'receive' ? event.remote.wallMs : 0);
          expect(next.wallMs).toBe(seen);
          clock = next;
        }
      }),
    );
  });

  it('property: causality — a message received is ordered before every later event of the receiver', () => {
    fc.assert(
      fc.property(arbHlc, arbHlc, arbWall, arbWall, arbWall, (sender, receiver, t1, t2, t3) => {
        const message = hlcSend(sender, t1);
        const afterReceive = hlcReceive(receiver, message, t2);
        const later = hlcSend(afterReceive, t3);
        expect(formatHlc(message) < formatHlc(afterReceive)).toBe(true);
        expect(formatHlc(afterReceive) < formatHlc(later)).toBe(true);
      }),
    );
  });
});
