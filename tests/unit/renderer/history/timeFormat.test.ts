import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../../../renderer/src/history/timeFormat';

describe('panel date formatting', () => {
  it('formats a time as toLocaleString with medium date and short time does', () => {
    const at = '2026-11-20T09:05:00.000Z';
    const expected = new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    expect(formatDateTime(at)).toBe(expected);
    // Asked again (the remembered text), the same.
    expect(formatDateTime(at)).toBe(expected);
    expect(formatDateTime('2026-01-02T23:59:00.000Z')).toBe(new Date('2026-01-02T23:59:00.000Z').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  });

  it('formats a calendar day at local noon, so the day shown is the day given', () => {
    expect(formatDay('2026-03-01')).toBe(new Date('2026-03-01T12:00:00').toLocaleDateString(undefined, { dateStyle: 'medium' }));
    expect(formatDay('2026-12-31')).toBe(new Date('2026-12-31T12:00:00').toLocaleDateString(undefined, { dateStyle: 'medium' }));
  });

  it('shows text that is not a date as it is', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
    expect(formatDay('soon')).toBe('soon');
    expect(formatDay('')).toBe('');
  });

  it('keeps answering correctly past the number of texts it remembers', () => {
    const start = Date.UTC(2020, 0, 1);
    let last = '';
    for (let i = 0; i < 20_500; i++) last = new Date(start + i * 60_000).toISOString();
    for (let i = 0; i < 20_500; i++) formatDateTime(new Date(start + i * 60_000).toISOString());
    expect(formatDateTime(last)).toBe(new Date(last).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  });
});
