/**
 * Nothing leaves the machine: every export (PDF through the local Chromium included), the intake of
 * every article and annotation format, and a browser-mode session (the window loaded in a browser,
 * articles imported and every export made through the contract) run while every connect() and send
 * of the processes is recorded with strace; a TCP connect or UDP send outside loopback fails the
 * test. The PDF export also has to succeed inside a network namespace without interfaces.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../shared/interop';
import { findChromium } from '../../../electron/services/interop/chromiumPdf';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures/chromium';
import { ANNOTATION_FILES, INTAKE_FILES } from './intakeFiles';
import { runProcess } from '../../support/runProcess';
import { runTraced, straceProblem, summarizeTrace, unshareProblem } from './networkTrace';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const FACTCHECK = path.join(REPO, 'bin', 'factcheck.js');
const SAMPLE = path.join(REPO, 'resources', 'sample', 'sample.factcheck.json');

const noChromium = findChromium() ? null : 'no Chromium or Chrome was found (set CHROMIUM_PATH)';
const noStrace = straceProblem();
const noUnshare = unshareProblem();
for (const [what, why] of [
  ['the strace recordings', noStrace ?? noChromium],
  ['the export in a network namespace', noUnshare ?? noChromium],
] as const) {
  if (why) console.log(`Skipping ${what}: ${why}.`);
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-network-'));
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('network: nothing leaves the machine', () => {
  it.skipIf(!!(noStrace ?? noChromium))('every export and the intake of every format contact nothing outside loopback (strace)', async () => {
    const out = path.join(dir, 'exports');
    await fs.mkdir(out);
    const run = await runTraced(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'exportsAndIntake.ts'), out], { cwd: REPO });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { exported: Record<string, number>; read: Record<string, number> };
    expect(Object.keys(result.exported).sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const bytes of Object.values(result.exported)) expect(bytes).toBeGreaterThan(0);
    expect(Object.keys(result.read)).toHaveLength(INTAKE_FILES.length + 1 + ANNOTATION_FILES.length);
    expect(readFileSync(path.join(out, (await fs.readdir(out)).find((n) => n.endsWith('.pdf'))!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(run.trace.outside, 'connections or datagrams outside loopback').toEqual([]);
  });

  it.skipIf(!!(noUnshare ?? noChromium))('factcheck export --format pdf succeeds in a network namespace without interfaces (unshare -n)', async () => {
    const pdf = path.join(dir, 'no-network.pdf');
    const run = await runProcess('unshare', ['-n', process.execPath, FACTCHECK, 'export', SAMPLE, '--format', 'pdf', '-o', pdf]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(!!(noStrace ?? noChromium) || !existsSync(CHROMIUM_PATH))(
    'a browser-mode session — the window, every import format, every export — contacts nothing outside loopback (strace)',
    async () => {
      const dataDir = path.join(dir, 'session-data');
      const project = path.join(dir, 'session.factcheck.json');
      await fs.copyFile(SAMPLE, project);
      const trace = path.join(dir, 'session-trace.txt');
      const host = spawn(
        'strace',
        ['-f', '-qq', '-yy', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-o', trace, process.execPath, FACTCHECK, 'serve', project, '--port', '0', '--data-dir', dataDir, '--no-open'],
        { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none' } },
      );
      try {
        const { origin, token } = await hostAddress(host);
        const call = async <T>(name: string, args: unknown = {}): Promise<T> => {
          const response = await fetch(`${origin}/api/${name}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(args),
          });
          const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
          if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
          return envelope.value as T;
        };

        // The window, as a user opens it.
        const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
        try {
          const page = await browser.newPage();
          await page.goto(`${origin}/#token=${token}`);
          const title = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { title: string }).title;
          await page.getByText(title).first().waitFor({ timeout: 60_000 });
        } finally {
          await browser.close();
        }

        // Every change is recorded with its author: the session's user says who they are first, as the window asks.
        await call('updateSettings', { userName: 'Network Tester' });
        const open = await call<{ project: { id: string; history: unknown[] } }>('getOpenProject');
        let seq = open.project.history.length;
        for (const file of INTAKE_FILES) {
          const article = await call<Record<string, unknown>>('importArticle', {
            fileName: path.basename(file),
            dataBase64: (await fs.readFile(file)).toString('base64'),
          });
          const { seq: next } = await call<{ seq: number }>('applyChanges', {
            projectId: open.project.id,
            baseSeq: seq,
            changes: [{ kind: 'do', op: { type: 'addArticle', article: { ...article, id: `a-${path.basename(file)}`, previousVersions: [] } } }],
          });
          seq = next;
        }
        await call('waitForSave', { seq });
        const pdf = await call<{ sha256: string; ext: string }>('storeAttachment', { fileName: 'report.pdf', dataBase64: (await fs.readFile(INTAKE_FILES[1]!)).toString('base64') });
        expect((await call<{ text: string }>('attachmentText', { sha256: pdf.sha256, ext: pdf.ext })).text.length).toBeGreaterThan(0);
        await call('previewReport', { approvedOnly: false });
        for (const format of EXPORT_FORMATS) {
          const result = await call<{ bytes: number }>('exportProject', { format, path: path.join(dir, `session-export.${format}`) });
          expect(result.bytes, format).toBeGreaterThan(0);
        }
      } finally {
        await stopTraced(host);
      }
      const summary = summarizeTrace(await fs.readFile(trace, 'utf8'));
      expect(summary.calls, 'the trace saw the session').toBeGreaterThan(0);
      expect(summary.outside, 'connections or datagrams outside loopback').toEqual([]);
    },
  );
});

/** Waits for the host's "Workbench: http://127.0.0.1:PORT/#token=…" line. */
function hostAddress(child: ChildProcess): Promise<{ origin: string; token: string }> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`The host did not start within 90 s:\n${log}`)), 90_000);
    const onData = (chunk: string) => {
      log += chunk;
      const m = /Workbench: (http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: m[1]!, token: m[2]! });
      }
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code}) before starting:\n${log}`));
    });
  });
}

/** Stops the traced host with SIGTERM (so it saves and exits) and waits for strace to finish. */
async function stopTraced(strace: ChildProcess): Promise<void> {
  if (strace.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => strace.once('close', () => resolve()));
  // strace's own child is the host; SIGTERM to strace would only detach it.
  const children = await fs.readFile(`/proc/${strace.pid}/task/${strace.pid}/children`, 'utf8').catch(() => '');
  for (const pid of children.trim().split(/\s+/).filter(Boolean)) process.kill(Number(pid), 'SIGTERM');
  const timer = setTimeout(() => strace.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
