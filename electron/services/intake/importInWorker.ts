/**
 * Article intake in a worker thread, so a large PDF never delays the main side's other calls, and
 * Cancel ends the work at once: the worker is terminated (its memory goes with it).
 *
 * Where the worker's code lives: from TypeScript sources (the command line and browser mode run
 * through tsx, tests through vitest) the worker registers tsx and imports intakeWorker.ts; in the
 * built Electron main process it is the bundle's own intakeWorker.js entry.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkbenchError, type ErrorCode } from '../../../shared/api';
import type { ArticleVersion } from '../../../shared/model';
import type { IntakeFile, IntakeReply, IntakeRequest } from './intakeWorker';

export const IMPORT_CANCELLED_MESSAGE = 'Import cancelled.';

let busy = 0;
/** Intake workers busy with an import (a cancelled one counts until it has exited). */
export function liveIntakeWorkers(): number {
  return busy;
}

// One loaded worker waits between imports (unref'd: it never keeps the process alive).
let idle: Worker | null = null;
let nextId = 1;

function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsxRoot = dirname(createRequire(fileURLToPath(here)).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
    const entry = new URL('./intakeWorker.ts', here).href;
    const boot = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(entry)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
  }
  // Bundled: the entry sits beside the main bundle (or one folder up from a shared chunk).
  const candidates = [new URL('./intakeWorker.js', here), new URL('../intakeWorker.js', here)];
  const entry = candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0]!;
  return new Worker(entry);
}

function takeWorker(): Worker {
  let worker = idle;
  if (!worker) {
    const started = startWorker();
    // An idle worker that fails or exits is dropped (a busy one reports to its import).
    started.on('error', () => undefined);
    started.on('exit', () => {
      if (idle === started) idle = null;
    });
    worker = started;
  }
  idle = null;
  worker.ref();
  return worker;
}

function release(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle = worker;
}

/**
 * Reads a file (its bytes, or the base64 text a window sent, decoded in the worker) into an article
 * snapshot in a worker. Aborting `signal` terminates the worker and rejects with
 * WorkbenchError('cancelled') once it has exited.
 */
export function importArticleInWorker(fileName: string, file: IntakeFile, signal?: AbortSignal): Promise<ArticleVersion> {
  if (signal?.aborted) return Promise.reject(new WorkbenchError('cancelled', IMPORT_CANCELLED_MESSAGE));
  return new Promise<ArticleVersion>((resolve, reject) => {
    const worker = takeWorker();
    const id = nextId++;
    busy++;
    let settled = false;
    const cleanup = () => {
      busy--;
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onExit);
    };
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      cleanup();
      action();
    };
    const onAbort = () => {
      if (settled) return;
      settled = true;
      const cancelled = () => {
        cleanup();
        reject(new WorkbenchError('cancelled', IMPORT_CANCELLED_MESSAGE));
      };
      worker.terminate().then(cancelled, cancelled);
    };
    const onMessage = (reply: IntakeReply) => {
      if (reply.id !== id) return;
      settle(() => {
        release(worker);
        if (reply.ok) resolve(reply.version);
        else reject(reply.code ? new WorkbenchError(reply.code as ErrorCode, reply.message) : new Error(reply.message));
      });
    };
    const onFailure = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`The import stopped unexpectedly (worker exit ${code}).`)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.once('error', onFailure);
    worker.once('exit', onExit);
    worker.postMessage({ id, fileName, file } satisfies IntakeRequest);
  });
}
