/**
 * Intake in a worker thread (npm run bench:intake-worker): a generated 40 MB PDF (400 pages of text,
 * each with a 100 kB picture, as a scanned report's pages carry) imported on the main thread
 * (baseline, as before) and in the worker, in the same run, each from the base64 text a window sends
 * (the app decodes it in the worker). Reports how late a
 * 10 ms timer on the main side fires while the import runs (what every other call waits), and how
 * long Cancel takes until the worker has exited. Goals: main side answers within 50 ms during the
 * import; cancel ≤ 200 ms.
 */
import { importArticleFile } from '../../../electron/services/intake/importArticle';
import { importArticleInWorker } from '../../../electron/services/intake/importInWorker';
import { generateLargePdf } from '../../support/largePdf';
import { median } from '../median';

const PAGES = Number(process.env.BENCH_PDF_PAGES ?? 400);
const IMAGE_BYTES_PER_PAGE = Number(process.env.BENCH_PDF_IMAGE_BYTES ?? 100_000);

async function worstTimerLag(run: () => Promise<unknown>): Promise<{ lag: number; ms: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  return { lag: worst, ms };
}

const pdf = await generateLargePdf(PAGES, { imageBytesPerPage: IMAGE_BYTES_PER_PAGE });
console.log(`PDF: ${PAGES} pages, ${(pdf.byteLength / 1e6).toFixed(1)} MB`);
await importArticleInWorker('warm.pdf', await generateLargePdf(2)); // load the worker once, as a running app has
// As a window sends it: base64 text (decoded on the main side before the worker, in the worker now).
const base64 = Buffer.from(pdf).toString('base64');
const main = await worstTimerLag(async () => importArticleFile('budget.pdf', Buffer.from(base64, 'base64')));
const worker = await worstTimerLag(() => importArticleInWorker('budget.pdf', { base64 }));

const cancels: number[] = [];
for (let i = 0; i < 5; i++) {
  const controller = new AbortController();
  const running = importArticleInWorker('budget.pdf', { base64 }, controller.signal).catch(() => 'cancelled');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const t0 = performance.now();
  controller.abort();
  await running;
  cancels.push(performance.now() - t0);
}

const rows = [
  ['main thread (baseline)', main.ms.toFixed(0), main.lag.toFixed(1)],
  ['worker thread', worker.ms.toFixed(0), worker.lag.toFixed(1)],
];
console.log(['import', 'total ms', 'worst main-side timer lag ms'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
console.log(`main-side lag, worker vs baseline: ×${(worker.lag / Math.max(0.1, main.lag)).toFixed(3)}; goal ≤ 50 ms: ${worker.lag <= 50 ? 'met' : 'NOT met'}`);
console.log(`cancel until the worker has exited: median ${median(cancels).toFixed(1)} ms, max ${Math.max(...cancels).toFixed(1)} ms (of ${cancels.length}); goal ≤ 200 ms: ${Math.max(...cancels) <= 200 ? 'met' : 'NOT met'}`);
