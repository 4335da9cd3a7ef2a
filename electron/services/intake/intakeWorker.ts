/**
 * Worker-thread entry of article intake: reads files (name and bytes per message) with the same
 * pipeline as the main side and answers each with the snapshot, or the error's code and message.
 * The worker stays loaded between imports, so the readers (PDF, Word, HTML) load once.
 */
import { parentPort } from 'node:worker_threads';
import { importArticleFile } from './importArticle';

export interface IntakeRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}
export type IntakeReply =
  | { id: number; ok: true; version: Awaited<ReturnType<typeof importArticleFile>> }
  | { id: number; ok: false; code: string | null; message: string };

parentPort!.on('message', ({ id, fileName, bytes }: IntakeRequest) => {
  importArticleFile(fileName, bytes).then(
    (version) => parentPort!.postMessage({ id, ok: true, version } satisfies IntakeReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id,
        ok: false,
        code: typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : null,
        message: error instanceof Error ? error.message : String(error),
      } satisfies IntakeReply),
  );
});
