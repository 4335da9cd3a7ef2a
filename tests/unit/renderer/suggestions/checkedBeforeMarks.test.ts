/**
 * The suggestion list's "Checked before" marks: each suggested sentence is asked about once, one
 * question at a time, only a same-claim match marks it, and sentences no longer listed are not asked.
 */
import { describe, expect, it } from 'vitest';
import type { CheckedBeforeMatch } from '../../../../shared/api';
import { CheckedBeforeMarks } from '../../../../renderer/src/suggestions/checkedBeforeMarks';

const match = (statement: string, sameClaim: boolean): CheckedBeforeMatch => ({ statement, verdict: sameClaim ? 'False' : 'Mostly true', source: 'archive', publisher: 'PolitiFact', score: sameClaim ? 0.9 : 0.4, sameClaim });

/** A fake archive whose answers the test releases one by one. */
function fakeArchive(answers: Record<string, CheckedBeforeMatch[]>) {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const lookup = (text: string) => {
    asked.push(text);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<CheckedBeforeMatch[]>((resolve, reject) => {
      pending.push(() => {
        inFlight--;
        if (text in answers) resolve(answers[text]);
        else reject(new Error('archive unreachable'));
      });
    });
  };
  const releaseAll = async () => {
    for (let i = 0; i < 100 && pending.length > 0; i++) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { lookup, asked, releaseAll, maxInFlight: () => maxInFlight };
}

describe('CheckedBeforeMarks', () => {
  it('marks only sentences the archive holds as the same claim, asking one at a time', async () => {
    const archive = fakeArchive({
      'Crime fell 20 percent last year.': [match('Crime dropped by a fifth in 2019.', true)],
      'Taxes rose for most families.': [match('Taxes on families', false)],
      'We built 300 schools.': [],
    });
    let changes = 0;
    const marks = new CheckedBeforeMarks(archive.lookup, () => changes++);
    marks.want(['Crime fell 20 percent last year.', 'Taxes rose for most families.', 'We built 300 schools.']);
    expect(marks.matchOf('Crime fell 20 percent last year.')).toBeUndefined();
    await archive.releaseAll();
    expect(archive.maxInFlight()).toBe(1);
    expect(marks.matchOf('Crime fell 20 percent last year.')?.verdict).toBe('False');
    expect(marks.matchOf('Taxes rose for most families.')).toBeNull();
    expect(marks.matchOf('We built 300 schools.')).toBeNull();
    expect(changes).toBe(1);
  });

  it('asks each sentence once, and drops sentences that left the list before their turn', async () => {
    const archive = fakeArchive({ a: [], b: [], c: [], d: [] });
    const marks = new CheckedBeforeMarks(archive.lookup, () => {});
    marks.want(['a', 'b', 'c']);
    marks.want(['a', 'd']);
    await archive.releaseAll();
    marks.want(['a', 'd', 'a']);
    await archive.releaseAll();
    expect(archive.asked).toEqual(['a', 'd']);
  });

  it('leaves a sentence unmarked when the archive cannot be asked, and asks again next time', async () => {
    const archive = fakeArchive({});
    const marks = new CheckedBeforeMarks(archive.lookup, () => {});
    marks.want(['x']);
    await archive.releaseAll();
    expect(marks.matchOf('x')).toBeUndefined();
    marks.want(['x']);
    await archive.releaseAll();
    expect(archive.asked).toEqual(['x', 'x']);
  });

  it('stops asking once disposed', async () => {
    const archive = fakeArchive({ a: [match('a', true)], b: [] });
    let changes = 0;
    const marks = new CheckedBeforeMarks(archive.lookup, () => changes++);
    marks.want(['a', 'b']);
    marks.dispose();
    await archive.releaseAll();
    expect(archive.asked).toEqual(['a']);
    expect(changes).toBe(0);
  });
});
