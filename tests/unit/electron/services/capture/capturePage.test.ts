/**
 * Capturing pages of a local site in the real headless Chromium: the web archive read back with
 * warcio (a response record for every resource, decoded bodies, matching payload digests), the
 * rendered page's text (with the paragraph its script built), the picture and the PDF, redirects,
 * a PDF document, error pages, and hostile pages that must end within the limits they name.
 */
import { promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturePage, type CapturePageOptions } from '../../../../../electron/services/capture/capturePage';
import { CaptureFailure } from '../../../../../electron/services/capture/captureFailure';
import { readAsset, storeCapture } from '../../../../../electron/services/capture/captureStore';
import { chromiumCaptureBrowser } from '../../../../../electron/services/capture/chromiumCaptureBrowser';
import { findChromium } from '../../../../../electron/services/interop/chromiumPdf';
import { importArticleFile } from '../../../../../electron/services/intake/importArticle';
import { ARTICLE_SENTENCE, PDF_FIXTURE, PIXEL_PNG, SCRIPT_PARAGRAPH, startTestSite, type TestSite } from './testSite';
import { readWarc, responseFor } from './warcReading';

const hasChromium = findChromium() !== null;
if (!hasChromium) console.log('Skipping the capture tests: no Chromium found (install chromium or set CHROMIUM_PATH).');

let site: TestSite;
let dir: string;
beforeAll(async () => {
  site = await startTestSite();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-capture-'));
});
afterAll(async () => {
  await site?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const options = (limits: Partial<CapturePageOptions['limits']> = {}): CapturePageOptions => ({
  browser: chromiumCaptureBrowser(),
  limits: { timeoutSeconds: 20, maxMegabytes: 20, maxRequests: 100, maxRedirects: 5, ...limits },
  software: { name: 'Factcheck workbench', version: 'test' },
  settleMs: 1500,
});
const HOSTILE = { timeoutSeconds: 2, maxMegabytes: 2, maxRedirects: 5 };

async function failureOf(promise: Promise<unknown>): Promise<CaptureFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CaptureFailure) return err;
    throw err;
  }
  throw new Error('the capture did not fail');
}

describe.runIf(hasChromium)('capturing a page', () => {
  it('records every resource in the WARC with decoded bodies and matching digests, and keeps the rendered text, picture and PDF', async () => {
    const page = await capturePage(`${site.origin}/article`, options());
    expect(page).toMatchObject({ finalUrl: `${site.origin}/article`, httpStatus: 200, contentType: 'text/html; charset=utf-8' });
    expect(page.browser).toMatch(/Chrom/);

    const records = await readWarc(page.warc.bytes);
    expect(records).toHaveLength(page.warc.records);
    expect(records[0]!.type).toBe('warcinfo');
    for (const resource of ['/article', '/style.css', '/pixel.png', '/app.js']) {
      const response = responseFor(records, `${site.origin}${resource}`);
      expect(response, resource).toBeDefined();
      expect(response!.payloadDigest).toBe(response!.computedDigest);
      expect(response!.headers['content-length']).toBe(String(response!.payload.byteLength));
      expect(response!.headers['content-encoding']).toBeUndefined();
      expect(records.some((r) => r.type === 'request' && r.uri === `${site.origin}${resource}` && r.warcHeaders['warc-concurrent-to'] === response!.warcHeaders['warc-record-id'])).toBe(true);
    }
    // Bodies as the page got them: the gzip-encoded article and stylesheet are stored decoded.
    const article = new TextDecoder().decode(responseFor(records, `${site.origin}/article`)!.payload);
    expect(article).toContain(ARTICLE_SENTENCE);
    expect(article).not.toContain(SCRIPT_PARAGRAPH);
    expect(Buffer.from(responseFor(records, `${site.origin}/pixel.png`)!.payload)).toEqual(PIXEL_PNG);
    expect(responseFor(records, `${site.origin}/article`)!.warcHeaders['warc-ip-address']).toBe('127.0.0.1');

    expect(Buffer.from(page.screenshot!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(Buffer.from(page.pdf!).subarray(0, 5).toString()).toBe('%PDF-');

    // The readable text is the rendered page's, after its script ran.
    const projectPath = path.join(dir, 'article.factcheck.json');
    const capture = await storeCapture(projectPath, page, { tool: { name: 'Factcheck workbench', version: 'test' } });
    const text = new TextDecoder().decode(await readAsset(projectPath, capture.text!));
    expect(text).toContain(ARTICLE_SENTENCE);
    expect(text).toContain(SCRIPT_PARAGRAPH);
    expect(capture.title).toBe('Flood bulletin');
    expect(capture.warc.records).toBe(records.length);
    expect(readFileSync(path.join(dir, 'article.assets', `${capture.warc.sha256}.warc`))).toEqual(Buffer.from(page.warc.bytes));
  });

  it('follows a redirect chain and archives each hop', async () => {
    const page = await capturePage(`${site.origin}/r/1`, options());
    expect(page).toMatchObject({ requestedUrl: `${site.origin}/r/1`, finalUrl: `${site.origin}/article`, httpStatus: 200 });
    const records = await readWarc(page.warc.bytes);
    expect(['/r/1', '/r/2', '/r/3'].map((hop) => responseFor(records, `${site.origin}${hop}`)?.status)).toEqual([302, 301, 302]);
    expect(responseFor(records, `${site.origin}/r/3`)!.headers.location).toBe('/article');
    expect(responseFor(records, `${site.origin}/article`)!.status).toBe(200);
  });

  it('keeps a PDF as it was served, with its text', async () => {
    const page = await capturePage(`${site.origin}/report.pdf`, options());
    expect(page).toMatchObject({ httpStatus: 200, contentType: 'application/pdf' });
    const served = readFileSync(PDF_FIXTURE);
    expect(Buffer.from(page.pdf!)).toEqual(served);
    const records = await readWarc(page.warc.bytes);
    expect(Buffer.from(responseFor(records, `${site.origin}/report.pdf`)!.payload)).toEqual(served);
    const projectPath = path.join(dir, 'pdf.factcheck.json');
    const capture = await storeCapture(projectPath, page, { tool: { name: 'x', version: 'test' } });
    const expected = (await importArticleFile('report.pdf', new Uint8Array(served))).text;
    expect(new TextDecoder().decode(await readAsset(projectPath, capture.text!))).toBe(expected);
  });

  it('captures an HTTP error page with its status (a 410 is captured by the CLI test)', async () => {
    const missing = await capturePage(`${site.origin}/gone`, options());
    expect(missing.httpStatus).toBe(404);
    expect(new TextDecoder().decode(responseFor(await readWarc(missing.warc.bytes), `${site.origin}/gone`)!.payload)).toContain('This bulletin was removed');
  });

  it('refuses what is not a web address', async () => {
    expect((await failureOf(capturePage('file:///etc/passwd', options()))).kind).toBe('refused');
    expect((await failureOf(capturePage('javascript:alert(1)', options()))).kind).toBe('refused');
  });
});

describe.runIf(hasChromium)('hostile pages end within the limits they name', () => {
  it('an alert loop: dialogs never block, the page is taken when the time limit passes', async () => {
    const page = await capturePage(`${site.origin}/alerts`, options(HOSTILE));
    expect(page.httpStatus).toBe(200);
    expect(page.warnings.join(' ')).toMatch(/timed out after 2 s/);
    expect(page.screenshot).toBeDefined();
  });

  it('endless redirects: given up at the redirect limit', async () => {
    const failure = await failureOf(capturePage(`${site.origin}/loop/0`, options(HOSTILE)));
    expect(failure.kind).toBe('limit');
    expect(failure.message).toMatch(/the limit of 5 redirects/);
  });

  it('a huge response: stopped at the size limit', async () => {
    const failure = await failureOf(capturePage(`${site.origin}/huge`, options(HOSTILE)));
    expect(failure.kind).toBe('limit');
    expect(failure.message).toMatch(/the 2 MB size limit/);
  });

  it('a response that never ends: timed out, naming the limit', async () => {
    const failure = await failureOf(capturePage(`${site.origin}/slow`, options(HOSTILE)));
    expect(failure.message).toMatch(/timed out after 2 s/);
    // A slow resource of a page that did load: the page is captured, the limit named.
    const page = await capturePage(`${site.origin}/slow-image`, options(HOSTILE));
    expect(page.httpStatus).toBe(200);
    expect(page.warnings.join(' ')).toMatch(/timed out after 2 s/);
  });

  it('a server that accepts but never answers: "no answer", a connection problem the queue retries', async () => {
    const silent = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const failure = await failureOf(capturePage(`http://127.0.0.1:${port}/`, options({ ...HOSTILE, timeoutSeconds: 1 })));
      expect(failure).toMatchObject({ kind: 'offline', message: `No answer from 127.0.0.1:${port}: timed out after 1 s.` });
    } finally {
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('popups, permission prompts and navigation to a local file are refused', async () => {
    const before = site.requests.length;
    const page = await capturePage(`${site.origin}/tricks`, options({ ...HOSTILE, timeoutSeconds: 10 }));
    expect(page.finalUrl).toBe(`${site.origin}/tricks`);
    expect(site.requests.slice(before)).not.toContain('/popup-target');
    const projectPath = path.join(dir, 'tricks.factcheck.json');
    const capture = await storeCapture(projectPath, page, { tool: { name: 'x', version: 'test' } });
    expect(new TextDecoder().decode(await readAsset(projectPath, capture.text!))).toContain('geolocation: denied');
  });
});
