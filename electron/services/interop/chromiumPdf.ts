/**
 * Printing the HTML report to PDF with a local Chromium (CLI and browser mode; the desktop app uses
 * Electron's webContents.printToPDF instead): headless, no network, no GPU, a temp profile.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkbenchError } from '../../../shared/api';

const COMMON_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** CHROMIUM_PATH when set (and present), else the first common install path that exists, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | null {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return exists(configured) ? configured : null;
  return COMMON_PATHS.find((p) => exists(p)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'PDF export needs Chromium or Google Chrome, and none was found. Install one (e.g. "apt-get install chromium"), ' +
  'or set CHROMIUM_PATH to its executable; or export --format html and print it from a browser.';

/**
 * The flags Chromium needs to run quietly in containers and CI (no sandbox, no GPU, no background
 * network traffic). Also used by the end-to-end tests' browser (tests/e2e/fixtures/chromium.ts).
 */
export const CHROMIUM_SAFE_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** The command line that prints `htmlFile` to `pdfFile`. */
export function chromiumPdfArgs(htmlFile: string, pdfFile: string, profileDir: string): string[] {
  return [
    '--headless',
    ...CHROMIUM_SAFE_FLAGS,
    '--disable-extensions',
    `--user-data-dir=${profileDir}`,
    `--print-to-pdf=${pdfFile}`,
    '--no-pdf-header-footer',
    pathToFileURL(htmlFile).href,
  ];
}

export async function printHtmlToPdfWithChromium(
  html: string,
  pdfFile: string,
  options: { chromiumPath?: string | null; timeoutMs?: number } = {},
): Promise<void> {
  const chromium = options.chromiumPath === undefined ? findChromium() : options.chromiumPath;
  if (!chromium) throw new WorkbenchError('io-error', NO_CHROMIUM_MESSAGE);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-pdf-'));
  try {
    const htmlFile = path.join(work, 'report.html');
    const tmpPdf = path.join(work, 'report.pdf');
    await fs.writeFile(htmlFile, html, 'utf8');
    const args = chromiumPdfArgs(htmlFile, tmpPdf, path.join(work, 'profile'));
    const output = await run(chromium, args, options.timeoutMs ?? 120_000);
    const stat = await fs.stat(tmpPdf).catch(() => null);
    if (!stat || stat.size === 0) {
      throw new WorkbenchError('io-error', `Chromium (${chromium}) did not write a PDF.${output ? ` It said: ${output.slice(-500)}` : ''}`);
    }
    await fs.mkdir(path.dirname(path.resolve(pdfFile)), { recursive: true });
    await fs.copyFile(tmpPdf, pdfFile);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new WorkbenchError('io-error', `Chromium took longer than ${timeoutMs / 1000} s to print the PDF.`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new WorkbenchError('io-error', `Cannot start Chromium (${command}): ${err.message}`));
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}
