/**
 * The export worker thread: renders one export job at a time for the workbench (see
 * exportRunner.ts) and answers `{ id, ok, value }` or `{ id, ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { runExportJob, type ExportJob } from './exportJobs';

export interface ExportRequest {
  id: number;
  job: ExportJob;
}

export type ExportReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; code?: string } };

const port = parentPort;
if (!port) throw new Error('exportWorker runs as a worker thread of the workbench.');

port.on('message', ({ id, job }: ExportRequest) => {
  let reply: ExportReply;
  try {
    reply = { id, ok: true, value: runExportJob(job) };
  } catch (err) {
    const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
    reply = { id, ok: false, error: { message: err instanceof Error ? err.message : String(err), code } };
  }
  port.postMessage(reply);
});
