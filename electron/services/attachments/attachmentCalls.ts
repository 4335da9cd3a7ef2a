/** The attachment calls of the API (storeAttachment, readAttachment, attachmentText) over the open project's path. */
import { WorkbenchError, type AttachmentData, type AttachmentText } from '../../../shared/api';
import type { Attachment } from '../../../shared/model';
import { mediaTypeOf, readAttachment, storeAttachment } from './attachmentStore';

export function attachmentCalls(projectPath: () => string) {
  return {
    async store(fileName: string, dataBase64: string): Promise<Attachment> {
      const bytes = Buffer.from(dataBase64, 'base64');
      return storeAttachment(projectPath(), fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },

    async read(sha256: string, ext: string): Promise<AttachmentData> {
      const bytes = await readAttachment(projectPath(), sha256, ext);
      return { dataBase64: Buffer.from(bytes).toString('base64'), mediaType: mediaTypeOf(ext) };
    },

    async text(sha256: string, ext: string, name?: string): Promise<AttachmentText> {
      const bytes = await readAttachment(projectPath(), sha256, ext);
      try {
        // Loaded on first use: the readers (a DOM, DOCX) would add seconds to every start of the services.
        const { importArticleFile } = await import('../intake/importArticle');
        const version = await importArticleFile(name && name.toLowerCase().endsWith(`.${ext}`) ? name : `attachment.${ext}`, bytes);
        return { text: version.text };
      } catch (err) {
        if (err instanceof WorkbenchError && err.code === 'unsupported-file') return { text: '', problem: err.message };
        throw err;
      }
    },
  };
}
