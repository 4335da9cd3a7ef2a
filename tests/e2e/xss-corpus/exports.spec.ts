/**
 * Every export of a project whose free-text fields hold the XSS corpus, opened in Chromium with
 * JavaScript on: the HTML report as a page, ClaimReview and W3C JSON pasted into a
 * <script type="application/ld+json"> (what ClaimReview is for), the Markdown and CSV as text in a
 * page. 0 executions, 0 requests leaving the origin, 0 CSP violations.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { renderExport } from '../../../shared/interop';
import { parseProjectFile } from '../../../shared/projectFile';
import type { Project } from '../../../shared/operations';
import { REPO_ROOT } from '../fixtures/buildApp';
import { XSS_CORPUS } from './corpus';
import { sha256Hex } from '../../../electron/services/intake/sha256';
import { styleDigest } from '../../../electron/services/interop/styleDigest';

async function hostileProject(): Promise<Project> {
  const parsed = parseProjectFile(await fs.readFile(path.join(REPO_ROOT, 'resources', 'sample', 'sample.factcheck.json'), 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  const project = structuredClone(parsed.project);
  const pick = (i: number) => XSS_CORPUS[i % XSS_CORPUS.length]!;
  project.title = pick(0);
  project.claims.forEach((claim, i) => {
    claim.statement = pick(i);
    claim.claimant = pick(i + 1);
    claim.verdict.rationale = XSS_CORPUS.join('\n\n');
    claim.verdict.conclusion = pick(i + 2);
  });
  project.sources.forEach((source, i) => {
    source.title = pick(i + 3);
    source.publisher = pick(i + 4);
    source.notes = pick(i + 5);
    source.publishedAt = pick(i + 6);
    source.url = i % 2 ? 'javascript:__xss()' : pick(i + 7);
  });
  project.articles.forEach((article, i) => {
    article.metadata.title = pick(i + 8);
    article.metadata.byline = pick(i + 9);
  });
  return project;
}

/** Counts sentinel calls and CSP violations per page, and every request that is not the page itself. */
async function watch(page: Page): Promise<{ executions: () => Promise<number>; violations: () => Promise<number>; outside: string[] }> {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('about:') && !url.startsWith('http://xss.test/')) outside.push(url);
  });
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.route('**/*', (route) => (route.request().url().startsWith('http://xss.test/') ? route.fallback() : route.abort()));
  await page.addInitScript(() => {
    (window as unknown as { __hits: number }).__hits = 0;
    (window as unknown as { __csp: number }).__csp = 0;
    (window as unknown as { __xss: () => void }).__xss = () => ((window as unknown as { __hits: number }).__hits += 1);
    document.addEventListener('securitypolicyviolation', () => ((window as unknown as { __csp: number }).__csp += 1));
  });
  return {
    executions: () => page.evaluate(() => (window as unknown as { __hits: number }).__hits),
    violations: () => page.evaluate(() => (window as unknown as { __csp: number }).__csp),
    outside,
  };
}

async function serve(page: Page, html: string): Promise<void> {
  await page.route('http://xss.test/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('http://xss.test/');
  await page.waitForLoadState('load');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('every export of a project full of hostile text runs nothing and requests nothing', async ({ page }) => {
  const project = await hostileProject();
  const checked: string[] = [];
  const watcher = await watch(page);
  let executions = 0;
  let violations = 0;
  // The counters live in each page: read them before the next page replaces it.
  const tally = async () => {
    executions += await watcher.executions();
    violations += await watcher.violations();
  };

  // As every export path writes it: with its style's digest in the policy (without one the policy forbids the style).
  await serve(page, renderExport(project, 'html', { styleDigest }).text);
  await tally();
  checked.push('html');
  for (const format of ['claimreview', 'w3c'] as const) {
    const json = renderExport(project, format).text;
    expect(() => JSON.parse(json), format).not.toThrow();
    await serve(page, `<!doctype html><title>${format}</title><script type="application/ld+json">${json}</script><p>embedded</p>`);
    await expect(page.locator('p')).toHaveText('embedded');
    await tally();
    checked.push(format);
  }
  for (const format of ['md', 'csv'] as const) {
    await serve(page, `<!doctype html><pre>${escapeHtml(renderExport(project, format).text)}</pre>`);
    await tally();
    checked.push(format);
  }
  const markdown = renderExport(project, 'md').text;
  // Markdown viewers render raw HTML and follow links: no tag may start unescaped (`\<` is a literal), no script URL.
  expect(markdown).toMatch(/\\<script/);
  expect(markdown).not.toMatch(/(?<!\\)<(script|img|svg|iframe|meta|style|a|math|noscript)\b/i);
  expect(markdown).not.toMatch(/(?<!\\)\]\(\s*(javascript|data):/i);

  expect(checked).toEqual(['html', 'claimreview', 'w3c', 'md', 'csv']);
  expect(executions).toBe(0);
  expect(violations).toBe(0);
  expect(watcher.outside).toEqual([]);
});
