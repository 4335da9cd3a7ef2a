/**
 * Short crash run for `npm test`: 30 kill -9's of the services at start-up, on an acknowledged save,
 * mid-write, after idle and at random (about a second each on a quiet 2-core machine); the long run
 * is `npm run bench:crash` (1,000 kills).
 */
import { describe, expect, it } from 'vitest';
import { runCrashHarness } from './crashRun';

const KILLS = 30;

describe('crash harness (short)', () => {
  it('kill -9 at random points never corrupts the project, never loses an acknowledged edit, and leaves no temp files after reopening', async () => {
    const report = await runCrashHarness(KILLS, 7);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ kills: KILLS, corrupt: 0, lostAcknowledged: 0, invalidBackupsOrSettings: 0, tempFilesLeft: 0 });
  }, 600_000);
});
