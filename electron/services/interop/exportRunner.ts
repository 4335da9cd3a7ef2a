/**
 * Exports and the report preview off the thread that answers calls: one worker thread per
 * workbench, started on the first export, renders the jobs in order while this thread goes on
 * answering every other call (saves included). A worker that dies fails its pending jobs with a
 * message and is started again for the next one.
 *
 * Where the worker's code is: beside this file as exportWorker.js in a build (the desktop app's
 * bundle names it), or exportWorker.ts when running from the TypeScript sources (the CLI, browser
 * mode and tests run through tsx), which the worker loads through tsx too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkbenchError, type ErrorCode, type ReportPreview } from '../../../shared/api';
import type { RenderedExport } from '../../../shared/interop';
import type { ExportJob, ExportRenderer } from './exportJobs';
import type { ExportReply } from './exportWorker';

export interface ExportWorkerLocation {
  /** The worker's module file. */
  file: string;
  /** True for a .ts source file, loaded through tsx. */
  typescript: boolean;
}

export type ExportRunner = ExportRenderer & {
  /** Stops the worker; jobs still pending fail. */
  close(): Promise<void>;
};

/** exportWorker.ts beside this source file, or exportWorker.js beside the built file. */
export function defaultExportWorker(): ExportWorkerLocation {
  const here = fileURLToPath(import.meta.url);
  const typescript = here.endsWith('.ts');
  return { file: path.join(path.dirname(here), typescript ? 'exportWorker.ts' : 'exportWorker.js'), typescript };
}

/** tsx's ESM API, which registers its TypeScript loader in the worker thread. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

function startWorker(location: ExportWorkerLocation): Worker {
  const url = pathToFileURL(location.file).href;
  if (!location.typescript) return new Worker(new URL(url));
  const boot = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function createExportRunner(location: ExportWorkerLocation = defaultExportWorker()): ExportRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new WorkbenchError('internal', `The export could not be made: ${message}`));
    pending.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = startWorker(location);
    started.on('message', (reply: ExportReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new WorkbenchError((reply.error.code as ErrorCode | undefined) ?? 'internal', reply.error.message));
    });
    started.on('error', (err) => {
      if (worker === started) worker = null;
      failAll(err.message);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (pending.size > 0) failAll(`the export worker stopped (exit code ${code}).`);
    });
    worker = started;
    return started;
  };

  const run = <T>(job: ExportJob): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const target = ensureWorker();
      target.ref();
      target.postMessage({ id, job });
    });

  return {
    text: (project, format, options = {}) => run<RenderedExport>({ kind: 'text', project, format, options }),
    html: (project, options = {}) => run<string>({ kind: 'html', project, options }),
    preview: (project, options) => run<ReportPreview>({ kind: 'preview', project, options }),
    async close() {
      const stopping = worker;
      worker = null;
      failAll('the workbench shut down.');
      if (stopping) await stopping.terminate();
    },
  };
}
