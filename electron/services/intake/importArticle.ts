/**
 * Article intake: a file's name and bytes → an ArticleVersion (blocks, canonical text, hashes,
 * metadata). Text and Markdown for now; this is the seam where HTML, PDF and DOCX readers plug in
 * (one entry per format in `readers`).
 */
import { WorkbenchError } from '../../../shared/api';
import { countWords, joinBlocks } from '../../../shared/articles/canonicalText';
import type { ArticleFormat, ArticleVersion } from '../../../shared/model';
import { decodeText } from './decodeText';
import { markdownToBlocks } from './markdown';
import { plainTextToBlocks, type TextStructure } from './plainText';
import { sha256Hex } from './sha256';

export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

interface Reader {
  format: ArticleFormat;
  extensions: readonly string[];
  read(text: string): TextStructure;
}

const readers: readonly Reader[] = [
  { format: 'text', extensions: ['.txt', '.text'], read: plainTextToBlocks },
  { format: 'markdown', extensions: ['.md', '.markdown', '.mdown', '.mkd'], read: markdownToBlocks },
];

/** File extensions importArticle accepts (for file pickers). */
export const SUPPORTED_EXTENSIONS: readonly string[] = readers.flatMap((r) => r.extensions);

export function importArticle(fileName: string, bytes: Uint8Array, now: Date = new Date()): ArticleVersion {
  const baseName = fileName.split(/[\\/]/).pop() || fileName;
  const refuse = (why: string) => new WorkbenchError('unsupported-file', `Cannot import "${baseName}": ${why}`);

  const dot = baseName.lastIndexOf('.');
  const extension = dot > 0 ? baseName.slice(dot).toLowerCase() : '';
  const reader = readers.find((r) => r.extensions.includes(extension));
  if (!reader) {
    throw refuse(`${extension ? `${extension} files are` : 'files without an extension are'} not supported yet. Add a .txt or .md file.`);
  }
  if (bytes.byteLength > MAX_TEXT_FILE_BYTES) {
    throw refuse(`the file is larger than the ${MAX_TEXT_FILE_BYTES / (1024 * 1024)} MB limit for text files.`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw refuse('it does not look like a text file.');
  if (decoded.text.trim() === '') throw refuse('the file is empty.');

  const { title, blocks } = reader.read(decoded.text);
  if (blocks.length === 0) throw refuse('the file is empty (it has no readable text).');
  const text = joinBlocks(blocks);

  return {
    importedAt: now.toISOString(),
    format: reader.format,
    metadata: {
      title: title || stripExtension(baseName),
      wordCount: countWords(text),
      fileName: baseName,
      fileSha256: sha256Hex(bytes),
    },
    blocks,
    text,
    textSha256: sha256Hex(text),
  };
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
