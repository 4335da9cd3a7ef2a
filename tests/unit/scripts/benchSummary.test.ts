import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { renderTable as renderTableJs, rowsOf as rowsOfJs } from '../../../scripts/benchSummary.js';

interface Row {
  bench: string;
  measure: string;
  result: string;
  goal: string;
  met: boolean | null;
}
const rowsOf = rowsOfJs as (bench: string, output: string, run: object) => Row[];
const renderTable = renderTableJs as (rows: Row[]) => string;

const ok = { code: 0 };

describe('the bench table', () => {
  it('reads result lines, and a failed bench is a row saying so', () => {
    const output = ['open 100,000 entries: 900 ms', 'bench-result {"measure":"open","result":"900 ms (×1.4)","goal":"< 2,000 ms","met":true}', 'done'].join('\n');
    expect(rowsOf('history', output, ok)).toEqual([{ bench: 'history', measure: 'open', result: '900 ms (×1.4)', goal: '< 2,000 ms', met: true }]);
    const crashed = rowsOf('save', 'bench-result {"measure":"save","result":"2.0×","goal":"≤ 1.5×","met":false}\nError: boom', { code: 1 });
    expect(crashed.map((r) => [r.measure, r.met])).toEqual([['save', false], ['the bench run', false]]);
    expect(crashed[1]!.result).toBe('failed (exit 1)');
    expect(rowsOf('memory', '', { code: null, timedOut: '30 min' })[0]!.result).toBe('failed: timed out after 30 min');
  });

  it('reads the goal lines of a bench that prints no result lines', () => {
    const rows = rowsOf('sync', 'encrypt: 3 ms\nencrypt ≤ 2× JSON → met\nround trip ≤ 50 ms → MISSED\ngoal NOT met', ok);
    expect(rows.map((r) => r.met)).toEqual([true, false, false]);
    expect(rowsOf('fuzz', 'ran 100 cases', ok)).toEqual([{ bench: 'fuzz', measure: 'the bench run', result: 'exit 0, no goal printed', goal: '—', met: null }]);
  });

  it('prints one aligned table', () => {
    const table = renderTable([
      { bench: 'history', measure: 'open', result: '900 ms', goal: '< 2,000 ms', met: true },
      { bench: 'save', measure: 'the bench run', result: 'failed (exit 1)', goal: 'runs to the end', met: false },
    ]).split('\n');
    expect(table[0]).toMatch(/^\| bench +\| measure +\| result +\| goal +\| met \|$/);
    expect(table[2]).toContain('| yes |');
    expect(table[3]).toContain('| NO  |');
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });
});
