import { test } from '@playwright/test';
import { startWorkbench } from '../../e2e/fixtures/workbench';

/** Aggregates a CPU profile by function (self time). */
function top(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] }, n = 25) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + t);
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n');
}

test('dbg', async ({ page }) => {
  test.setTimeout(600_000);
  const host = await startWorkbench({ extraArgs: [process.env.DBG_FILE!] });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(host.url);
  await page.waitForSelector('.reader-body [data-block-index="1"]', { timeout: 120000 });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const reader = page.getByRole('region', { name: 'Article' });
  const box = (await reader.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    (window as any).__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window as any).__long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink', transferMode: 'ReportEvents' } as never);
  await cdp.send('Profiler.start');
  for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 600);
  for (let i = 0; i < 10; i++) {
    await reader.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), ((i * 37) % 100) / 100);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  const agg = new Map<string, [number, number, number]>();
  for (const e of events) if (e.ph === 'X' && e.dur) { const a = agg.get(e.name) ?? [0, 0, 0]; a[0] += e.dur / 1000; a[1]++; a[2] = Math.max(a[2], e.dur / 1000); agg.set(e.name, a); }
  console.log([...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 20).map(([k, v]) => `${v[0].toFixed(0)}ms x${v[1]} max ${v[2].toFixed(0)} ${k}`).join('\n'));
  console.log(await page.evaluate(() => (window as any).__long));
  console.log(top(profile as never));
  await page.screenshot({ path: '/tmp/dbg.png' });
  await host.stop();
});
