/**
 * What a user waits for when 1,000 and 5,000 claims appear in the reader (run on demand:
 * npm run bench:highlights). A generated project file with N claims (one batch in its history) is
 * opened through the window's Open project dialog; then, several times, Undo removes the batch
 * and Redo brings it back. The headline figure is the total from the click on Redo to the end of
 * the first frame painted with the highlights: the operation, the renderer's state, React, placing
 * all N claims, the Range objects and the Highlight registry, and the paint. Medians of RUNS runs.
 * With this many claims the reader draws highlights in and near view only (every claim there);
 * the wrapping baseline wraps all N, as DOM-wrapping annotators do.
 *
 * In the same page, on a copy of the same article and the same spans: the span-wrapping baseline
 * (what DOM-wrapping annotators do: split text nodes and wrap each span in a <mark>, until the frame
 * after) and, for reference only, the Highlight API part alone (Ranges into shared Highlight
 * objects, until the frame after).
 */
import { mkdirSync } from 'node:fs';
import { projectWithClaims, spreadSpans, writeProjectFile } from '../../support/projectFiles';
import { expect, openProjectInWindow, test } from '../../e2e/fixtures/workbench';

const SIZES = [1000, 5000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOALS: Record<number, number> = { 1000: 50, 5000: 300 };

const paragraphs = Array.from(
  { length: 400 },
  (_, i) =>
    `Paragraph ${i}: officials said ${i * 7} boats were hit near the coast on Tuesday, and observers in the region disputed the figures, saying the true toll could be far higher than the ministry admitted in its statement.`,
);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Arms a timer in the page: from the next click on the named button to the end of the first frame drawn with the highlights (none, or every placed claim's near view), as the baselines below are timed: an animation frame, then a task. */
async function timeClick(page: import('@playwright/test').Page, button: string, want: (ranges: number) => boolean): Promise<number> {
  const armed = page.evaluate(
    ({ button, wantZero, wantAtLeast }) =>
      new Promise<number>((resolve) => {
        const ranges = () => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0);
        // Every claim placed, and each of those in the blocks drawn with its range (the reader's own count).
        const drawn = () => {
          const detail = (performance.getEntriesByName('claim-highlights').at(-1) as PerformanceMeasure | undefined)?.detail as { count: number; painted: number } | undefined;
          return detail && detail.count >= wantAtLeast && detail.painted > 0 && ranges() >= detail.painted;
        };
        const done = () => (wantZero ? ranges() === 0 : Boolean(drawn()));
        document.addEventListener(
          'click',
          (event) => {
            const clicked = event.target instanceof Element ? event.target.closest('button') : null;
            // Its accessible name: the top bar's Undo and Redo show an icon and carry their name in aria-label.
            if ((clicked?.getAttribute('aria-label') ?? clicked?.textContent?.trim()) !== button) return;
            const started = event.timeStamp;
            // Checked at the start of each frame; the frame that starts with every highlight in place is the
            // one that shows them, and a task queued from its animation callback runs once it is produced.
            const check = () => {
              if (!done()) return requestAnimationFrame(check);
              setTimeout(() => resolve(performance.now() - started), 0);
            };
            requestAnimationFrame(check);
          },
          { capture: true, once: true },
        );
      }),
    { button, wantZero: want(0), wantAtLeast: [1, 10, 100, 1000, 5000, 10000].find((n) => want(n)) ?? 1 },
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  return armed;
}

test('highlights: what a user waits for, 1,000 and 5,000 claims, against span wrapping', async ({ page, workbench }) => {
  test.setTimeout(20 * 60_000);
  mkdirSync(workbench.projectsDir, { recursive: true });
  await page.goto(workbench.url);
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const n of SIZES) {
    const project = projectWithClaims({ title: `Highlights ${n}`, paragraphs, claims: n });
    const file = writeProjectFile(workbench.projectsDir, `highlights-${n}`, project);
    await openProjectInWindow(page, file);
    const placed = () => page.evaluate(() => ((performance.getEntriesByName('claim-highlights').at(-1) as PerformanceMeasure | undefined)?.detail as { count: number } | undefined)?.count ?? 0);
    await expect.poll(placed, { timeout: 120_000 }).toBeGreaterThanOrEqual(n);

    const redo: number[] = [];
    const undo: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      undo.push(await timeClick(page, 'Undo', (r) => r === 0));
      redo.push(await timeClick(page, 'Redo', (r) => r >= n));
    }

    const drawnClaims = await page.evaluate(() => ((performance.getEntriesByName('claim-highlights').at(-1) as PerformanceMeasure | undefined)?.detail as { painted: number }).painted);
    const article = project.articles[0]!;
    const spans = spreadSpans(article.text, n);
    const reference = await page.evaluate(
      async ({ spans, blocks, runs }) => {
        const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const body = document.querySelector('.reader-body') as HTMLElement;
        const starts: number[] = [];
        let at = 0;
        for (const length of blocks) {
          starts.push(at);
          at += length + 2;
        }
        const pointIn = (root: HTMLElement, offset: number) => {
          const els = [...root.querySelectorAll<HTMLElement>('[data-block-index]')];
          let lo = 0;
          let hi = starts.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid]! <= offset) lo = mid;
            else hi = mid - 1;
          }
          const node = els[lo]!.firstChild as Text;
          return { node, offset: Math.min(node.length, offset - starts[lo]!) };
        };
        const paintOnly: number[] = [];
        const wrap: number[] = [];
        let marks = 0;
        for (let run = 0; run < runs; run++) {
          // The Highlight API part alone: Ranges into a few shared Highlight objects.
          const copy = body.cloneNode(true) as HTMLElement;
          body.parentElement!.appendChild(copy);
          await nextFrame();
          let t0 = performance.now();
          const groups = [new Highlight(), new Highlight(), new Highlight()];
          groups.forEach((h, i) => CSS.highlights.set(`bench-${i}`, h));
          spans.forEach((s, i) => {
            const a = pointIn(copy, s.start);
            const b = pointIn(copy, s.end);
            const range = document.createRange();
            range.setStart(a.node, a.offset);
            range.setEnd(b.node, b.offset);
            groups[i % 3]!.add(range);
          });
          await nextFrame();
          paintOnly.push(performance.now() - t0);
          groups.forEach((_, i) => CSS.highlights.delete(`bench-${i}`));
          await nextFrame();
          // The baseline: wrap each span in <mark>, right to left so earlier offsets stay valid.
          t0 = performance.now();
          for (let i = spans.length - 1; i >= 0; i--) {
            const s = spans[i]!;
            const a = pointIn(copy, s.start);
            const b = pointIn(copy, s.end);
            if (a.node !== b.node) continue;
            const tail = a.node.splitText(a.offset);
            tail.splitText(b.offset - a.offset);
            const mark = document.createElement('mark');
            mark.className = `annotator-hl hl-${i % 3}`;
            tail.parentNode!.replaceChild(mark, tail);
            mark.appendChild(tail);
          }
          await nextFrame();
          wrap.push(performance.now() - t0);
          marks = copy.querySelectorAll('mark').length;
          copy.remove();
          await nextFrame();
        }
        return { paintOnly, wrap, marks };
      },
      { spans, blocks: article.blocks.map((b) => b.text.length), runs: RUNS },
    );
    expect(reference.marks).toBe(n);
    const total = median(redo);
    const goal = GOALS[n]!;
    verdicts.push(`${n.toLocaleString('en')} highlights: ${total.toFixed(0)} ms (goal ≤ ${goal} ms) → ${total <= goal ? 'met' : 'MISSED'}`);
    rows.push([
      n.toLocaleString('en'),
      total.toFixed(1),
      `${Math.min(...redo).toFixed(0)}–${Math.max(...redo).toFixed(0)}`,
      median(undo).toFixed(1),
      median(reference.wrap).toFixed(1),
      `×${(median(reference.wrap) / total).toFixed(2)}`,
      median(reference.paintOnly).toFixed(1),
      drawnClaims.toLocaleString('en'),
    ]);
  }
  const header = ['highlights', 'app total ms (Redo → painted)', 'range', 'Undo → cleared ms', 'wrap baseline ms', 'baseline / app', 'Highlight API part ms', 'claims drawn (in and near view)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(
    [
      `Highlights bench (Chromium; medians of ${RUNS} runs; the app's total is what a user waits for):`,
      fmt(header),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(fmt),
      ...verdicts.map((v) => `goal: ${v}`),
    ].join('\n'),
  );
});
