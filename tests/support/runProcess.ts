/** Child processes for tests: a command run to its end, and the `factcheck` command of this checkout. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from '../unit/testPaths';

const FACTCHECK = path.join(REPO, 'bin', 'factcheck.js');

export interface ProcessRun {
  /** The exit code; null when the process was killed (its time ran out). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` to its end and collects what it printed, asynchronously (servers in this process
 * keep answering); killed after `timeoutMs`. `env` adds to this process's environment.
 */
export function runProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** `factcheck <args>` as a user runs it from the checkout; `code` is 1 when it had to be killed. */
export async function runFactcheck(args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await runProcess(process.execPath, [FACTCHECK, ...args], { timeoutMs: 60_000, ...options });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}
