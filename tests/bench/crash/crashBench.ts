/**
 * `npm run bench:crash [-- <kills>]`: the long crash run (1,000 kill -9's by default, at start-up, on acknowledgement, mid-write, after idle and at random moments) of
 * tests/reliability/crash, printing kills / corrupt / lost-acknowledged / temp files left, the goal
 * (0 corrupt, 0 lost, 0 temp files left after reopening) and whether it was met.
 */
import { runCrashHarness } from '../../reliability/crash/crashRun';

const kills = Number(process.argv[2] ?? 1000);
// CRASH_BUDGET_MIN=<minutes> ends a run early on a slow machine, with the figures of the kills that ran.
const budgetMin = Number(process.env.CRASH_BUDGET_MIN ?? Infinity);
const started = Date.now();
// A running line every 10 kills, so a run stopped early on a slow machine still reports its figures.
const report = await runCrashHarness(kills, undefined, (so) => {
  if (so.kills % 10 === 0) {
    console.log(`… ${so.kills} kills (${Object.values(so.moments).join('/')} start-up/on-ack/mid-write/after-idle/random), largest ${(so.largestProjectBytes / 1024 / 1024).toFixed(1)} MB, ${so.corrupt} corrupt, ${so.lostAcknowledged} acknowledged edits lost, ${so.invalidBackupsOrSettings} invalid backups/settings, at most ${so.maxTempFilesAfterKill} temp files after a kill, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}, started + budgetMin * 60_000);
if (report.kills < kills) console.log(`stopped by the time budget (${budgetMin} min): ${report.kills} of ${kills} kills ran`);
console.log(`kills: ${report.kills} (${Object.entries(report.moments).map(([moment, n]) => `${moment} ${n}`).join(', ')})`);
console.log(`corrupt project files: ${report.corrupt}`);
console.log(`acknowledged edits lost: ${report.lostAcknowledged}`);
console.log(`temp files left after reopening: ${report.tempFilesLeft} (at most ${report.maxTempFilesAfterKill} beside the project after a kill; ${report.lockTempsPending} lock temp files younger than a minute, removed by design only at a later open)`);
console.log(`kills after which a backup, settings or the recent list was invalid: ${report.invalidBackupsOrSettings}`);
console.log(`largest project file: ${(report.largestProjectBytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const problem of report.problems.slice(0, 20)) console.log(`  ${problem}`);
const met = report.corrupt === 0 && report.lostAcknowledged === 0 && report.invalidBackupsOrSettings === 0 && report.tempFilesLeft === 0 && report.problems.length === 0;
console.log(`goal: 0 corrupt, 0 lost acknowledged edits, backups and settings always valid, 0 temp files left after reopening — ${met ? 'met' : 'NOT met'}`);
process.exitCode = met ? 0 : 1;
