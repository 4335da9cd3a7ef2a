/**
 * Time to paint 1,000 and 5,000 claim highlights in the real reader, against a span-wrapping
 * baseline (what DOM-wrapping annotators do: split text nodes and wrap each span in a <mark>) run
 * in the same page on a copy of the same article. Prints a table.
 *
 *   ours (app)      — claims added through a real batch operation (test hook, no DOM access):
 *                     reducer + React + anchoring + ranges + Highlight objects, until the frame after.
 *   reader code     — the reader's own highlight step (ranges + Highlight objects), performance.measure.
 *   ours (paint)    — just building the Range objects and adding them to shared Highlight objects,
 *                     until the frame after (the part the CSS Custom Highlight API does).
 *   wrap baseline   — wrapping the same spans in <mark> elements, until the frame after.
 */
import { expect, test } from '../../e2e/fixtures/workbench';

const SIZES = [1000, 5000];

const article = Array.from(
  { length: 400 },
  (_, i) =>
    `Paragraph ${i}: officials said ${i * 7} boats were hit near the coast on Tuesday, and observers in the region disputed the figures, saying the true toll could be far higher than the ministry admitted in its statement.`,
).join('\n\n');

test('paint 1,000 and 5,000 highlights vs span wrapping', async ({ page, workbench }) => {
  await page.addInitScript(() => window.sessionStorage.setItem('factcheck-test-hooks', '1'));
  await page.goto(workbench.url);
  await page.getByRole('button', { name: 'New project', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByRole('textbox', { name: 'Project title' }).fill('Highlight bench');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Article file').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(article) });
  await expect(page.getByRole('region', { name: 'Article' })).toContainText('Paragraph 399');

  const rows: string[][] = [];
  for (const n of SIZES) {
    const result = await page.evaluate(async (count) => {
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const hooks = window.__factcheckTest!;
      const { project, articleId } = hooks.snapshot();
      const art = project!.articles.find((a) => a.id === articleId)!;
      const words = [...art.text.matchAll(/[^\s]+/g)];
      // Non-overlapping spans of 1–4 words spread over the article (fair to the wrapping baseline).
      const step = Math.floor(words.length / count);
      const spans = Array.from({ length: count }, (_, i) => {
        const first = words[i * step];
        const last = words[Math.min(words.length - 1, i * step + Math.min(step - 1, i % 4))];
        return { start: first.index!, end: last.index! + last[0].length };
      });

      // ---- ours, through the app ----
      const ops = spans.map((s, i) => ({
        type: 'addClaim' as const,
        claim: {
          id: `bench-${count}-${i}`,
          articleId: art.id,
          target: { position: s, quote: { exact: art.text.slice(s.start, s.end), prefix: art.text.slice(Math.max(0, s.start - 32), s.start), suffix: art.text.slice(s.end, s.end + 32) } },
          statement: art.text.slice(s.start, s.end),
          claimant: '',
          verdict: { levelId: i % 3 === 0 ? 'true' : i % 3 === 1 ? 'false' : null, rationale: '', conclusion: '' },
          state: 'draft' as const,
          createdAt: '2026-11-25T10:00:00.000Z',
          createdBy: 'bench',
        },
      }));
      await nextFrame();
      let t0 = performance.now();
      hooks.dispatch({ type: 'batch', label: 'bench', ops });
      await nextFrame();
      const app = performance.now() - t0;
      const code = performance.getEntriesByName('claim-highlights').at(-1)?.duration ?? NaN;
      const painted = [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0);
      hooks.undo();
      await nextFrame();

      // Text nodes of the reader's blocks with their canonical offsets (blocks joined by "\n\n").
      const body = document.querySelector('.reader-body')!;
      const starts: number[] = [];
      let at = 0;
      for (const block of art.blocks) {
        starts.push(at);
        at += block.text.length + 2;
      }
      const elementsOf = new Map<Element, HTMLElement[]>();
      const pointIn = (root: HTMLElement, offset: number) => {
        let els = elementsOf.get(root);
        if (!els) elementsOf.set(root, (els = [...root.querySelectorAll<HTMLElement>('[data-block-index]')]));
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        const node = els[lo].firstChild as Text;
        return { node, offset: Math.min(node.length, offset - starts[lo]) };
      };

      // ---- ours, paint only: Ranges into a few shared Highlight objects ----
      t0 = performance.now();
      const groups = [new Highlight(), new Highlight(), new Highlight()];
      groups.forEach((h, i) => CSS.highlights.set(`bench-${i}`, h));
      spans.forEach((s, i) => {
        const a = pointIn(body as HTMLElement, s.start);
        const b = pointIn(body as HTMLElement, s.end);
        const range = document.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        groups[i % 3].add(range);
      });
      await nextFrame();
      const paintOnly = performance.now() - t0;
      groups.forEach((_, i) => CSS.highlights.delete(`bench-${i}`));

      // ---- baseline: wrap each span in <mark> in a copy of the article, in the same page ----
      const copy = body.cloneNode(true) as HTMLElement;
      body.parentElement!.appendChild(copy);
      await nextFrame();
      t0 = performance.now();
      // Right to left, so earlier offsets stay valid as text nodes split.
      for (let i = spans.length - 1; i >= 0; i--) {
        const s = spans[i];
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
      const wrap = performance.now() - t0;
      const marks = copy.querySelectorAll('mark').length;
      copy.remove();
      await nextFrame();
      return { app, code, paintOnly, wrap, painted, marks };
    }, n);
    expect(result.painted).toBeGreaterThanOrEqual(n);
    rows.push([String(n), result.app.toFixed(1), result.code.toFixed(1), result.paintOnly.toFixed(1), result.wrap.toFixed(1), `×${(result.wrap / result.paintOnly).toFixed(1)}`, String(result.marks)]);
  }
  const header = ['highlights', 'app total ms', 'reader highlight code ms', 'ours paint ms', 'wrap baseline ms', 'paint speed-up', 'marks'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(['Highlights bench (Chromium, CSS Custom Highlight API vs <mark> wrapping, same page):', fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), 'goals: ≤ 50 ms for 1,000 and ≤ 300 ms for 5,000'].join('\n'));
});
