/**
 * Worker-thread entry of article intake: reads files (name and bytes or base64 per message) with the same
 * pipeline as the main side and answers each with the snapshot, or the error's code and message.
 * The worker stays loaded between imports, so the readers (PDF, Word, HTML) load once.
 */
import { parentPort } from 'node:worker_threads';
import { importArticleFile } from './importArticle';

/** The file as bytes, or as the base64 text the window sent (decoded here, off the main side: 40 MB of PDF is 54 MB of text). */
export type IntakeFile = Uint8Array | { base64: string };

export interface IntakeRequest {
  id: number;
  fileName: string;
  file: IntakeFile;
}
export type IntakeReply =
  | { id: number; ok: true; version: Awaited<ReturnType<typeof importArticleFile>> }
  | { id: number; ok: false; code: string | null; message: string };

parentPort!.on('message', ({ id, fileName, file }: IntakeRequest) => {
  const bytes = file instanceof Uint8Array ? file : Buffer.from(file.base64, 'base64');
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
