/**
 * `factcheck capture` as a user runs it: the last line, the exit codes, the project saved with the
 * capture, and a recorded trace of every connect()/send of the capture process and its browser
 * showing that nothing but the test site (on loopback) was contacted.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCommand } from '../../../../../electron/cli/captureCommand';
import { findChromium } from '../../../../../electron/services/interop/chromiumPdf';
import { createEmptyProject, parseProjectFile, serializeProject } from '../../../../../shared/projectFile';
import { captureIo } from '../../cli/cliIo';
import { runProcess } from '../../../../support/runProcess';
import { summarizeTrace } from './connectTrace';
import { startTestSite, type TestSite } from './testSite';
import { readWarc } from './warcReading';
import { sha256Hex } from '../../../../../electron/services/intake/sha256';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..');
const hasChromium = findChromium() !== null;
const strace = spawnSync('strace', ['-f', '-qq', '-e', 'trace=connect', '-o', '/dev/null', 'true']);
const hasStrace = strace.status === 0;
if (!hasStrace) console.log(`Skipping the connect() trace of a capture: strace is not usable here (${strace.error?.message ?? strace.stderr?.toString().trim()}).`);

let site: TestSite;
let dir: string;
beforeAll(async () => {
  site = await startTestSite();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-capture-cli-'));
});
afterAll(async () => {
  await site?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function newProject(name: string): Promise<string> {
  const file = path.join(dir, `${name}.factcheck.json`);
  await fs.writeFile(file, serializeProject(createEmptyProject({ id: `p-${name}`, title: name, createdAt: '2026-11-28T09:00:00.000Z' })));
  return file;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('factcheck capture', () => {
  it('exits 2 on usage errors and explains', async () => {
    for (const argv of [[], ['only-a-project.factcheck.json'], ['p.factcheck.json', 'ftp://example.org/x'], ['p.factcheck.json', 'https://x.org', '--bogus']]) {
      const c = captureIo();
      expect(await captureCommand(argv, c.io), JSON.stringify(argv)).toBe(2);
      expect(c.err.join('\n')).toMatch(/factcheck capture: .+/);
    }
    const help = captureIo();
    expect(await captureCommand(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('--also-wayback');
  });

  it.runIf(hasChromium)('exits 1 when the page cannot be reached, and leaves the project as it was', async () => {
    const file = await newProject('offline');
    const before = await fs.readFile(file, 'utf8');
    const c = captureIo();
    const code = await captureCommand([file, `http://127.0.0.1:${await closedPort()}/story`, '--data-dir', path.join(dir, 'data')], c.io);
    expect(code).toBe(1);
    expect(c.err.join('\n')).toMatch(/connection was refused/);
    expect(c.out).toEqual([]);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it.runIf(hasChromium && hasStrace)('captures into the project, prints the last line, and contacts nothing but the test site', async () => {
    const file = await newProject('traced');
    const trace = path.join(dir, 'trace.txt');
    const url = `${site.origin}/article`;
    // Asynchronously: the test site answers from this process.
    const run = await runProcess(
      'strace',
      ['-f', '-qq', '-e', 'trace=socket,connect,sendto,sendmsg,sendmmsg,close', '-o', trace, process.execPath, path.join(REPO, 'bin', 'factcheck.js'), 'capture', file, url],
      { env: { FACTCHECK_HOME: path.join(dir, 'home') } },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const last = /^captured (\S+): (\d+) records, sha256 ([0-9a-f]{64})$/.exec(lines.at(-1)!);
    expect(last, run.stdout).not.toBeNull();
    const [, finalUrl, records, hash] = last!;
    expect(finalUrl).toBe(url);

    // N counts every record of the stored WARC; the hash is over its bytes.
    const warcFile = path.join(dir, 'traced.assets', `${hash}.warc`);
    const bytes = readFileSync(warcFile);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
    expect((await readWarc(bytes)).length).toBe(Number(records));

    // The source was added with the capture attached, in one undoable step.
    const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.project.sources).toHaveLength(1);
    expect(parsed.project.sources[0]).toMatchObject({ url, title: 'Flood bulletin', captures: [{ warc: { sha256: hash, records: Number(records) }, httpStatus: 200 }] });
    expect(parsed.project.history.at(-1)?.op).toMatchObject({ type: 'batch', label: 'Capture source' });

    const summary = summarizeTrace(await fs.readFile(trace, 'utf8'));
    expect(summary.outside).toEqual([]);
    expect(summary.loopback).toContain(`127.0.0.1:${site.port}`);
  }, 90_000); // a CLI start-up and a Chromium under strace on a loaded machine

  it.runIf(hasChromium)('captures an HTTP error page (410) with its status and exits 0', async () => {
    const file = await newProject('errors');
    const url = `${site.origin}/withdrawn`;
    const c = captureIo();
    expect(await captureCommand([file, url, '--data-dir', path.join(dir, 'data')], c.io)).toBe(0);
    expect(c.out.at(-1)).toMatch(new RegExp(`^captured ${url.replace(/[.]/g, '\\.')}: \\d+ records, sha256 [0-9a-f]{64}$`));
    expect(c.err.join('\n')).toMatch(/HTTP 410/);
    const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
    expect(parsed.ok && parsed.project.sources[0]?.captures?.[0]?.httpStatus).toBe(410);
  });
});
