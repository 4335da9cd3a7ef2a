/**
 * Renderer memory (npm run bench:memory): generated project files opened by the real browser-mode
 * host in Chromium, measured over the DevTools protocol once every claim of the first article is
 * placed and those in view painted: the JavaScript heap in use after a full garbage collection (what a heap snapshot counts),
 * against the 1 × 50 project measured in the same run. Also DOM nodes, for the curious.
 *   10 × 500          — the goal's project (10 articles × 500 claims)
 *   10 × 500, history — the same with 100,000 history entries (the renderer's copy of the history)
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { test } from '@playwright/test';
import { startWorkbench } from '../../e2e/fixtures/workbench';
import { writeLongHistoryProject } from '../../support/largeHistory';
import { writeLargeProject } from '../../support/largeProject';
import { reportResult } from '../benchResult';
import { everyClaimDrawn } from '../claimsDrawn';

const GOAL_MB = 300;
const SHAPES = [
  { name: '1 × 50 (baseline)', write: (file: string) => writeLargeProject(file, { articles: 1, claimsPerArticle: 50 }), claims: 50, goal: false },
  { name: '10 × 500', write: (file: string) => writeLargeProject(file, { articles: 10, claimsPerArticle: 500, paragraphs: 250 }), claims: 500, goal: true },
  {
    name: '10 × 500, 100,000 history entries',
    write: (file: string) => writeLongHistoryProject(file, { articles: 10, claimsPerArticle: 500, paragraphs: 250, historyEntries: 100_000 }),
    claims: 500,
    goal: false,
  },
];

test('renderer memory with 10 articles × 500 claims', async ({ page }) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-memory-bench-'));
  const rows: { name: string; heapMb: number; nodes: number }[] = [];
  try {
    for (const [i, shape] of SHAPES.entries()) {
      const file = path.join(dir, `memory-${i}.factcheck.json`);
      await shape.write(file);
      const host = await startWorkbench({ extraArgs: [file] });
      try {
        await page.goto(host.url);
        await page.waitForFunction(everyClaimDrawn, shape.claims, { polling: 'raf', timeout: 180_000 });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
        rows.push({ name: shape.name, heapMb: usedSize / 1024 / 1024, nodes });
        await cdp.detach();
        await page.goto('about:blank');
      } finally {
        await host.stop();
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const base = rows[0]!;
  console.log('\nproject | JS heap after GC | ×baseline | DOM nodes');
  for (const row of rows) console.log(`${row.name} | ${row.heapMb.toFixed(1)} MB | ×${(row.heapMb / base.heapMb).toFixed(2)} | ${row.nodes}`);
  for (const [i, row] of rows.entries()) {
    const goal = SHAPES[i]!.goal;
    reportResult({
      measure: `renderer JS heap, ${row.name}`,
      result: `${row.heapMb.toFixed(1)} MB (×${(row.heapMb / base.heapMb).toFixed(2)})`,
      goal: goal ? `< ${GOAL_MB} MB` : '—',
      met: goal ? row.heapMb < GOAL_MB : null,
    });
  }
});
