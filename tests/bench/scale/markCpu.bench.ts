/**
 * What a Mark claim costs the machine, not only the frame that answers it (part of npm run bench:scale):
 * 24 Marks at this bench's pace (one per page.evaluate, as scale.bench marks), on 1 × 50 (baseline)
 * and 1 × 5,000 claims, and the CPU time each process used meanwhile, from /proc (Linux), per Mark:
 * the window's renderer (its main thread apart), Chromium's GPU and browser processes, the host. On a
 * 2-core machine this is what decides whether the next Mark waits for a core. Also the median Mark
 * (input to the next painted frame) of the same 24.
 */
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import { test } from '@playwright/test';
import { startWorkbench } from '../../e2e/fixtures/workbench';
import { writeLargeProject, type LargeProjectShape } from '../../support/largeProject';
import { everyClaimDrawn } from '../claimsDrawn';
import { markPassageInView } from '../markPassageInView';
import { reportResult } from '../benchResult';
import { median } from '../median';

const SHAPES: { name: string; shape: LargeProjectShape }[] = [
  { name: '1 × 50 (baseline)', shape: { articles: 1, claimsPerArticle: 50, historyEntries: 50 } },
  { name: '1 × 5,000', shape: { articles: 1, claimsPerArticle: 5000, paragraphs: 1250, historyEntries: 5000 } },
];
const MARKS = 24;

/** CPU ms used so far by each kind of process (and the renderer's main thread), from /proc. */
function cpuByProcess(hostPid: number): Map<string, number> {
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  const used = new Map<string, number>();
  const add = (kind: string, ms: number) => used.set(kind, (used.get(kind) ?? 0) + ms);
  for (const line of execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 }).split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, args] = match as unknown as [string, string, string];
    const kind = Number(pid) === hostPid ? 'host' : !/chrom/i.test(args) ? null : /--type=renderer/.test(args) ? 'renderer' : /--type=gpu/.test(args) ? 'GPU' : /--type=/.test(args) ? null : 'browser';
    if (!kind) continue;
    try {
      add(kind, ticks(readFileSync(`/proc/${pid}/stat`, 'utf8')));
      if (kind === 'renderer') add('renderer main thread', ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')));
    } catch {
      // The process ended meanwhile.
    }
  }
  return used;
}

test('CPU per Mark claim by process, 1 × 5,000 against 1 × 50', async ({ page }) => {
  test.skip(!readdirSync('/proc').includes('self'), 'needs Linux /proc');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-markcpu-bench-'));
  const results = new Map<string, { cpu: Map<string, number>; mark: number }>();
  try {
    for (const { name, shape } of SHAPES) {
      const file = path.join(dir, `markcpu-${shape.claimsPerArticle}.factcheck.json`);
      await writeLargeProject(file, shape);
      const host = await startWorkbench({ extraArgs: [file] });
      try {
        await page.goto(host.url);
        await page.waitForFunction(everyClaimDrawn, shape.claimsPerArticle, { polling: 'raf', timeout: 120_000 });
        // Let the opening settle (the rest of the history, the idle search index).
        await page.waitForTimeout(1500);
        const before = cpuByProcess(host.pid);
        const times: number[] = [];
        for (let i = 0; i < MARKS; i++) {
          times.push(await page.evaluate(markPassageInView, i));
        }
        const after = cpuByProcess(host.pid);
        const cpu = new Map([...after].map(([kind, ms]) => [kind, (ms - (before.get(kind) ?? 0)) / MARKS]));
        results.set(name, { cpu, mark: median(times) });
      } finally {
        await host.stop();
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }

  const base = results.get(SHAPES[0]!.name)!;
  const kinds = ['renderer', 'renderer main thread', 'GPU', 'browser', 'host'];
  console.log(`CPU ms per Mark claim (${MARKS} Marks, /proc; ratio = vs the 1 × 50 baseline in this run):`);
  console.log(['project'.padEnd(18), 'mark ms', ...kinds.map((k) => k.padStart(20))].join('  '));
  for (const [name, { cpu, mark }] of results) {
    console.log([name.padEnd(18), mark.toFixed(1).padStart(7), ...kinds.map((k) => `${(cpu.get(k) ?? 0).toFixed(1)} ×${((cpu.get(k) ?? 0) / (base.cpu.get(k) || 1)).toFixed(1)}`.padStart(20))].join('  '));
  }
  const big = results.get(SHAPES[1]!.name)!;
  const all = (cpu: Map<string, number>) => ['renderer', 'GPU', 'browser', 'host'].reduce((sum, k) => sum + (cpu.get(k) ?? 0), 0);
  reportResult({ measure: 'CPU per Mark claim at 1 × 5,000 (renderer + GPU + browser + host)', result: `${all(big.cpu).toFixed(0)} ms (×${(all(big.cpu) / all(base.cpu)).toFixed(1)} of 1 × 50)`, goal: '— (what the Mark goal waits on)', met: null });
});
