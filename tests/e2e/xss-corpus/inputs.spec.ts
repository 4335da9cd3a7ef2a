/**
 * The XSS corpus through every input of the app, against the real browser-mode host: a hand-edited
 * project file carrying payloads in every free-text field, W3C and Hypothesis annotation files
 * imported with `factcheck import-annotations`, an HTML page and a Markdown file imported, HTML
 * pasted, and the claim statement, rationale, conclusion, comments, the review's request, the
 * user's name and every source field typed in the window. Then every screen where they show is
 * opened: reader, claim panel, sources, discussion, review, Overview, History, Evidence, Publication
 * and the Export previews, and the HTML report saved and opened with JavaScript on.
 * 0 executions (every payload calls the `__xss` canary), 0 requests leaving the app's origin, 0 CSP
 * violations. Payloads are batched into a few documents so the run stays short.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from '../fixtures/buildApp';
import { claimOn } from '../../support/claimOn';
import { apply, projectWithArticle, source } from '../fixtures/builtProject';
import { expect, openProjectInWindow, savedStatus, selectTextWithMouse, test } from '../fixtures/workbench';
import { writeProjectFile } from '../../support/projectFiles';
import type { Project } from '../../../shared/operations';
import { XSS_CORPUS } from './corpus';
import { setUser } from '../fixtures/userSettings';

const run = promisify(execFile);
const ALL = XSS_CORPUS.join(' ');
const ALL_LINES = XSS_CORPUS.join('\n\n');
const pick = (i: number) => XSS_CORPUS[i % XSS_CORPUS.length]!;
/** Paragraph i of the hand-edited article holds payload i as literal text. */
const paragraph = (i: number) => `Paragraph ${i} quotes ${pick(i)} in passing.`;

/** What a user could have put in the project file with a text editor: payloads in every free-text field. */
function handEditedProject(): Project {
  let project = projectWithArticle(pick(1), XSS_CORPUS.map((_, i) => paragraph(i)));
  const article = project.articles[0]!;
  project = { ...project, articles: [{ ...article, metadata: { ...article.metadata, title: pick(2), byline: pick(3), url: 'https://xss.invalid/article' } }] };
  const claims = [0, 2, 3, 5].map((i) =>
    claimOn(article, `c${i}`, pick(i), { statement: pick(i + 1), claimant: pick(i + 2), verdict: { levelId: null, rationale: ALL_LINES, conclusion: pick(i + 3) } }),
  );
  for (const claim of claims) project = apply(project, { type: 'addClaim', claim });
  project = apply(project, { type: 'addSource', source: source('s1', { title: pick(4), publisher: pick(5), author: pick(6), notes: ALL_LINES }) });
  project = apply(project, { type: 'linkSource', link: { id: 'l1', claimId: 'c0', sourceId: 's1', stance: 'refutes', excerpt: ALL_LINES, location: pick(7) } });
  // Fields no operation writes this way, edited in by hand.
  const file = structuredClone(project);
  file.comments = XSS_CORPUS.slice(0, 5).map((text, i) => ({ id: `m${i}`, claimId: 'c0', author: pick(i + 8), at: '2026-11-25T10:00:00.000Z', text }));
  return file;
}

function w3cAnnotations(): unknown {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: pick(0),
    first: {
      type: 'AnnotationPage',
      items: [8, 9, 10].map((i) => ({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `https://xss.invalid/anno/${i}`,
        type: 'Annotation',
        creator: { type: 'Person', name: pick(i + 1) },
        body: [{ type: 'TextualBody', value: ALL_LINES, purpose: 'commenting' }, { type: 'TextualBody', value: pick(i), purpose: 'tagging' }],
        target: { source: 'https://xss.invalid/article', selector: { type: 'TextQuoteSelector', exact: paragraph(i) } },
      })),
    },
  };
}

function hypothesisAnnotations(): unknown {
  return {
    total: 2,
    rows: [11, 13].map((i) => ({
      id: `hyp${i}`,
      created: '2026-11-20T10:00:00.000Z',
      user: `acct:${pick(i)}@hypothes.is`,
      uri: 'https://xss.invalid/article',
      text: ALL_LINES,
      tags: [pick(i + 1)],
      document: { title: [pick(i + 2)] },
      target: [{ source: 'https://xss.invalid/article', selector: [{ type: 'TextQuoteSelector', exact: paragraph(i), prefix: '', suffix: '' }] }],
    })),
  };
}

const HOSTILE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>${pick(0)} page</title>
<meta name="author" content="${pick(18)}"><meta property="og:title" content='${pick(19)}'>
<style>body{background:url(https://xss.invalid/page-css)}</style><script>__xss()</script>
<link rel="stylesheet" href="https://xss.invalid/style.css"><base href="https://xss.invalid/"></head>
<body onload="__xss()"><article><h1>Imported hostile page</h1>
${XSS_CORPUS.map((p, i) => `<p>Page paragraph ${i}: ${p}</p>`).join('\n')}
</article></body></html>`;

const HOSTILE_MARKDOWN = `---\ntitle: "${pick(2)}"\nauthor: "${pick(3)}"\n---\n\n# Imported hostile markdown\n\n${XSS_CORPUS.map((p, i) => `Markdown paragraph ${i}: ${p}`).join('\n\n')}\n`;

const PASTED_HTML = `<h2>Pasted hostile text</h2>${XSS_CORPUS.map((p, i) => `<p>Pasted paragraph ${i}: ${p}</p>`).join('')}`;

/** Every export but the PDF (printed by a separate Chromium, whose network calls tests/reliability/network records). */
const FORMATS = { html: 'HTML report', md: 'Markdown report', csv: 'CSV spreadsheet', claimreview: 'ClaimReview JSON-LD', w3c: 'W3C Web Annotations' };
/** The saved exports, opened as pages: local files the test itself opens. */
const allowedFiles = new Set<string>();

interface Watch {
  executions: string[];
  outside: string[];
  violations: string[];
}

/** The canary the payloads call, a listener for every request not to the app's origin, and one for CSP violations. */
async function watchEverything(page: Page, origin: string): Promise<Watch> {
  const watch: Watch = { executions: [], outside: [], violations: [] };
  const context = page.context();
  // A binding survives reloads and reaches every frame, srcdoc iframes included.
  await context.exposeFunction('__xss', () => watch.executions.push(page.url()));
  await context.exposeFunction('__cspViolation', (text: string) => watch.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const isOurs = (url: string) => url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url) || allowedFiles.has(url);
  context.on('request', (request) => {
    if (!isOurs(request.url())) watch.outside.push(request.url());
  });
  // Nothing leaves even if asked: the listener above has recorded it already.
  await context.route('**/*', (route) => (isOurs(route.request().url()) ? route.fallback() : route.abort()));
  // Chromium also reports each violation on the console (the listener above misses none, but to be sure).
  const consoleWatch = (p: Page) =>
    p.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) watch.violations.push(`console: ${message.text()}`);
    });
  context.pages().forEach(consoleWatch);
  context.on('page', consoleWatch);
  page.on('dialog', (dialog) => {
    watch.executions.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watch;
}

/** Hovers and focuses what a payload could hang a handler on, and lets two frames paint so anything scheduled runs. */
async function poke(page: Page): Promise<void> {
  for (const selector of ['.reader-body p', '.claim-panel-wrap', 'a', 'mark']) {
    const first = page.locator(selector).first();
    if (await first.count()) await first.hover({ timeout: 2_000 }).catch(() => undefined);
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
}

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }).first().click();
}

// The control page below provokes one violation on purpose; this test counts violations itself (console included).
test.use({ cspViolationsExpected: true });

test('every input of the app takes the XSS corpus: nothing runs, nothing leaves, no CSP violation', async ({ page, workbench }) => {
  test.setTimeout(300_000);
  const watch = await watchEverything(page, workbench.origin);
  // Control: the canary, the request listener and the CSP listener each see what they are for.
  await page.goto(
    `data:text/html,<meta http-equiv="Content-Security-Policy" content="img-src https://xss.invalid/ok"><img src="https://xss.invalid/ok" onerror="__xss()"><img src="https://xss.invalid/blocked">`,
  );
  await expect.poll(() => [watch.executions.length > 0, watch.outside.includes('https://xss.invalid/ok'), watch.violations.length > 0]).toEqual([true, true, true]);
  watch.executions.length = watch.outside.length = watch.violations.length = 0;

  // A hand-edited project file, then annotations imported into it with the CLI.
  mkdirSync(workbench.projectsDir, { recursive: true });
  const file = writeProjectFile(workbench.projectsDir, 'hostile-inputs', handEditedProject());
  const w3c = path.join(workbench.dataDir, 'hostile.w3c.jsonld');
  const hypothesis = path.join(workbench.dataDir, 'hostile.hypothesis.json');
  await fs.writeFile(w3c, JSON.stringify(w3cAnnotations()));
  await fs.writeFile(hypothesis, JSON.stringify(hypothesisAnnotations()));
  const cli = path.join(REPO_ROOT, 'bin', 'factcheck.js');
  for (const [annotations, count] of [[w3c, 3], [hypothesis, 2]] as const) {
    const { stdout } = await run(process.execPath, [cli, 'import-annotations', file, annotations, '--author', pick(4)], { cwd: REPO_ROOT });
    expect(stdout).toContain(`Anchored ${count} of ${count} annotations`);
  }

  await page.goto(workbench.url);
  await openProjectInWindow(page, file);
  const reader = page.getByRole('region', { name: 'Article', exact: true });
  const claims = page.getByRole('list', { name: 'Claims', exact: true });
  await expect(reader).toContainText(paragraph(4));
  await expect(claims.getByRole('listitem')).toHaveCount(4 + 3 + 2);
  await poke(page);

  // The claim panel, sources and discussion of every claim in the file.
  for (let i = 0; i < 9; i++) {
    await claims.getByRole('listitem').nth(i).click();
    await expect(page.getByRole('region', { name: 'Claim', exact: true })).toBeVisible();
    for (const summary of await page.locator('.claim-panel-wrap summary').all()) await summary.click().catch(() => undefined);
    await poke(page);
  }

  // Articles from an HTML page, a Markdown file and the clipboard.
  await page.getByLabel('Article file', { exact: true }).first().setInputFiles([
    { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) },
    { name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(HOSTILE_MARKDOWN) },
  ]);
  // Intake runs in a worker; on a loaded 2-core machine a page takes a while.
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(3, { timeout: 120_000 });
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Pasted hostile text');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PASTED_HTML);
  const pasted = page.getByRole('dialog', { name: 'Paste article' });
  await pasted.getByRole('textbox', { name: 'Article title' }).fill(pick(0));
  await pasted.getByRole('textbox', { name: 'Article URL' }).fill('https://xss.invalid/pasted');
  await pasted.getByRole('button', { name: 'Add pasted article' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(4, { timeout: 60_000 });
  await expect(reader).toContainText('Pasted paragraph 3');
  await poke(page);
  await openArticle(page, /markdown/i);
  await expect(reader).toContainText('Markdown paragraph 3');
  await poke(page);
  await openArticle(page, /page/i);
  await expect(reader).toContainText('Page paragraph 3');
  await poke(page);

  // A claim typed in the window: statement, verdict texts, a source with every field, a comment.
  await selectTextWithMouse(page, '[aria-label="Article"] .reader-body', 'Page paragraph 12');
  await page.getByRole('button', { name: 'Mark claim', exact: true }).click();
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await statement.fill(ALL);
  await statement.press('Tab');
  const conclusion = page.getByRole('textbox', { name: 'Conclusion' });
  await conclusion.fill(ALL);
  await conclusion.press('Tab');
  const rationale = page.getByRole('textbox', { name: 'Rationale' });
  await rationale.fill(ALL_LINES);
  await rationale.press('Tab');
  await page.getByRole('button', { name: 'Add source', exact: true }).click();
  const card = page.getByRole('listitem', { name: /^Source 1/ });
  await card.getByRole('textbox', { name: 'Source URL' }).fill('https://xss.invalid/source?q="><script>__xss()</script>');
  await card.getByRole('textbox', { name: 'Source title' }).fill(ALL);
  await card.getByRole('textbox', { name: 'Publisher' }).fill(pick(9));
  await card.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Refutes' });
  await card.getByRole('textbox', { name: 'Location in source' }).fill(pick(10));
  await card.getByRole('textbox', { name: 'Excerpt' }).fill(ALL_LINES);
  await card.getByRole('textbox', { name: 'Notes' }).fill(ALL_LINES);
  await card.getByRole('textbox', { name: 'Notes' }).press('Tab');
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ index: 1 });
  await page.getByRole('textbox', { name: 'Comment' }).fill(ALL_LINES);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(1);
  await poke(page);

  // Review: ready, then an editor whose name is a payload asks for changes in payloads.
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
  await setUser(page, pick(2).slice(0, 150), 'Editor');
  await page.getByRole('textbox', { name: 'Comment' }).fill(ALL_LINES);
  await page.getByRole('button', { name: 'Request changes' }).click();
  const request = page.getByRole('dialog', { name: 'Request changes' });
  await request.getByRole('button', { name: 'Send to the checker' }).click();
  await expect(request).toBeHidden();
  await expect(page.getByLabel('Review state')).toHaveText('Changes requested');
  await expect(savedStatus(page)).toBeVisible();
  await poke(page);

  // Every other screen the texts show on.
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const overview = page.getByRole('region', { name: 'Overview' });
  await expect(overview.getByRole('list', { name: 'Overview results' }).getByRole('listitem')).not.toHaveCount(0);
  await poke(page);
  await overview.getByRole('button', { name: 'Close overview' }).click();
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('list', { name: 'Changes' }).getByRole('listitem')).not.toHaveCount(0);
  await poke(page);
  await history.getByRole('button', { name: 'Close history' }).click();
  for (const name of ['Evidence', 'Publication']) {
    await page.getByRole('button', { name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await poke(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // The Export preview of every format; each saved by the app and opened with JavaScript on.
  const saved: Record<string, string> = {};
  for (const [format, label] of Object.entries(FORMATS)) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: `${label}…` }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await poke(page);
    await dialog.getByRole('button', { name: 'Save export' }).click();
    const status = dialog.getByRole('status').filter({ hasText: 'Saved' });
    await expect(status).toBeVisible();
    saved[format] = (await status.locator('code').textContent())!.trim();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  const viewer = await page.context().newPage();
  for (const [format, file] of Object.entries(saved)) {
    const text = await fs.readFile(file, 'utf8');
    // JSON-LD goes where ClaimReview is meant to go; Markdown and CSV are shown as text.
    const shown = format === 'html' ? file : `${file}.view.html`;
    if (format === 'claimreview' || format === 'w3c') {
      await fs.writeFile(shown, `<!doctype html><title>${format}</title><script type="application/ld+json">${text}</script><p>embedded</p>`);
    } else if (format !== 'html') {
      await fs.writeFile(shown, `<!doctype html><pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`);
    }
    allowedFiles.add(pathToFileURL(shown).href);
    await viewer.goto(pathToFileURL(shown).href);
    await poke(viewer);
  }
  await viewer.close();
  expect(Object.keys(saved)).toEqual(Object.keys(FORMATS));

  // Reopened from disk, everything shows again.
  await page.reload();
  await expect(claims.getByRole('listitem').first()).toBeVisible();
  await poke(page);

  expect(watch.executions, 'payloads that ran').toEqual([]);
  expect(watch.outside, 'requests leaving the app').toEqual([]);
  expect(watch.violations, 'content security policy violations').toEqual([]);
});
