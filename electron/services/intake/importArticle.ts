/**
 * Article intake: a file's name and bytes → an ArticleVersion (blocks, canonical text, hashes,
 * metadata). One pipeline for every format: pick the reader by extension, read blocks and the
 * file's own metadata, then join the canonical text, count words, hash, and fill title/direction.
 *
 * `importArticleFile` (async) reads every format; `importArticle` (sync) reads the formats that
 * need no asynchronous library — text, Markdown and HTML — and is kept for callers that are sync.
 */
import { WorkbenchError } from '../../../shared/api';
import { countWords, joinBlocks } from '../../../shared/articles/canonicalText';
import { hasLoneSurrogate, withoutLoneSurrogates } from '../../../shared/articles/wellFormed';
import { clipText, TEXT_LIMITS, type TextLimit } from '../../../shared/limits';
import type { ArticleFormat, ArticleVersion } from '../../../shared/model';
import { decodeText } from './decodeText';
import { detectDirection } from './direction';
import { decodeHtml } from './html/decodeHtml';
import { readHtml } from './html/readHtml';
import { markdownToBlocks } from './markdown';
import { plainTextToBlocks } from './plainText';
import { UnreadableFile, type ReadResult } from './readResult';
import { sha256Hex } from './sha256';
import { readDocx } from './docx/readDocx';
import { readPdf } from './pdf/readPdf';

/** Largest file accepted, of any format. */
export const MAX_ARTICLE_FILE_BYTES = 50 * 1024 * 1024;
/** Kept for the foundation's callers: text files share the general limit now. */
export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

interface SyncReader {
  format: ArticleFormat;
  extensions: readonly string[];
  limit: number;
  read(bytes: Uint8Array): ReadResult;
}
interface AsyncReader {
  format: ArticleFormat;
  extensions: readonly string[];
  limit: number;
  readAsync(bytes: Uint8Array): Promise<ReadResult>;
}

function textOf(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new UnreadableFile('it does not look like a text file.');
  if (decoded.text.trim() === '') throw new UnreadableFile('the file is empty.');
  return decoded.text;
}

function fromStructure({ title, blocks }: { title: string; blocks: ReadResult['blocks'] }): ReadResult {
  return { blocks, metadata: title ? { title } : {} };
}

const syncReaders: readonly SyncReader[] = [
  { format: 'text', extensions: ['.txt', '.text'], limit: MAX_TEXT_FILE_BYTES, read: (b) => fromStructure(plainTextToBlocks(textOf(b))) },
  { format: 'markdown', extensions: ['.md', '.markdown', '.mdown', '.mkd'], limit: MAX_TEXT_FILE_BYTES, read: (b) => fromStructure(markdownToBlocks(textOf(b))) },
  {
    format: 'html',
    extensions: ['.html', '.htm', '.xhtml', '.shtml'],
    limit: MAX_ARTICLE_FILE_BYTES,
    read: (bytes) => {
      const html = decodeHtml(bytes);
      if (html === null) throw new UnreadableFile('it does not look like a web page (the file is not text).');
      if (html.trim() === '') throw new UnreadableFile('the file is empty.');
      return readHtml(html);
    },
  },
];
const asyncReaders: readonly AsyncReader[] = [
  { format: 'pdf', extensions: ['.pdf'], limit: MAX_ARTICLE_FILE_BYTES, readAsync: readPdf },
  { format: 'docx', extensions: ['.docx'], limit: MAX_ARTICLE_FILE_BYTES, readAsync: readDocx },
];

/** File extensions importArticleFile accepts (for file pickers). */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...syncReaders, ...asyncReaders].flatMap((r) => r.extensions);

function baseNameOf(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function refusal(baseName: string, why: string): WorkbenchError {
  return new WorkbenchError('unsupported-file', `Cannot import "${baseName}": ${why}`);
}

function pickReader(baseName: string, bytes: Uint8Array): SyncReader | AsyncReader {
  const dot = baseName.lastIndexOf('.');
  const extension = dot > 0 ? baseName.slice(dot).toLowerCase() : '';
  const reader = [...syncReaders, ...asyncReaders].find((r) => r.extensions.includes(extension));
  if (!reader) {
    throw refusal(
      baseName,
      `${extension ? `${extension} files are` : 'files without an extension are'} not supported. Add a web page (.html), PDF, Word (.docx), Markdown (.md) or text (.txt) file.`,
    );
  }
  if (bytes.byteLength > reader.limit) {
    throw refusal(baseName, `the file is larger than the ${reader.limit / (1024 * 1024)} MB limit for ${reader.format === 'text' || reader.format === 'markdown' ? 'text files' : 'articles'}.`);
  }
  if (bytes.byteLength === 0) throw refusal(baseName, 'the file is empty.');
  return reader;
}

/** Metadata as the project holds it: each field within its size limit (a page's own title can be anything). */
const METADATA_LIMITS = { title: 'line', byline: 'line', siteName: 'line', publishedAt: 'date', modifiedAt: 'date', url: 'url', language: 'code', fileName: 'line' } as const;

function clippedMetadata<M extends Partial<Record<keyof typeof METADATA_LIMITS, string>>>(metadata: M): M {
  const out = { ...metadata };
  for (const [key, kind] of Object.entries(METADATA_LIMITS) as [keyof typeof METADATA_LIMITS, TextLimit][]) {
    const value = out[key];
    if (typeof value === 'string') (out as Record<string, string>)[key] = clipText(value, kind);
  }
  return out;
}

function finish(format: ArticleFormat, baseName: string, bytes: Uint8Array, read: ReadResult, now: Date): ArticleVersion {
  // Broken characters (lone surrogates) have no UTF-8 form: shown as U+FFFD, as a browser would.
  const blocks = read.blocks.filter((block) => block.text.trim() !== '').map((block) => (hasLoneSurrogate(block.text) ? { ...block, text: withoutLoneSurrogates(block.text) } : block));
  if (blocks.length === 0) throw refusal(baseName, 'the file is empty (it has no readable text).');
  const text = joinBlocks(blocks);
  if (text.length > TEXT_LIMITS.articleText.max) {
    throw refusal(baseName, `its text is ${text.length.toLocaleString('en-US')} characters long; an article can be at most ${TEXT_LIMITS.articleText.max.toLocaleString('en-US')}.`);
  }
  const { title, ...rest } = clippedMetadata(read.metadata);
  return {
    importedAt: now.toISOString(),
    format,
    metadata: {
      ...rest,
      title: title || clipText(stripExtension(baseName), 'line'),
      direction: rest.direction ?? detectDirection(text),
      wordCount: countWords(text),
      fileName: clipText(baseName, 'line'),
      fileSha256: sha256Hex(bytes),
    },
    blocks,
    text,
    textSha256: sha256Hex(text),
  };
}

function rethrow(baseName: string, error: unknown): never {
  if (error instanceof UnreadableFile) throw refusal(baseName, error.message);
  throw error;
}

/** Sync import of text, Markdown and HTML files. */
export function importArticle(fileName: string, bytes: Uint8Array, now: Date = new Date()): ArticleVersion {
  const baseName = baseNameOf(fileName);
  const reader = pickReader(baseName, bytes);
  if (!('read' in reader)) throw refusal(baseName, `${reader.format.toUpperCase()} files are read by importArticleFile.`);
  let read: ReadResult;
  try {
    read = reader.read(bytes);
  } catch (error) {
    rethrow(baseName, error);
  }
  return finish(reader.format, baseName, bytes, read, now);
}

/** Import of any supported file. */
export async function importArticleFile(fileName: string, bytes: Uint8Array, now: Date = new Date()): Promise<ArticleVersion> {
  const baseName = baseNameOf(fileName);
  const reader = pickReader(baseName, bytes);
  if ('read' in reader) return importArticle(fileName, bytes, now);
  let read: ReadResult;
  try {
    read = await reader.readAsync(bytes);
  } catch (error) {
    rethrow(baseName, error);
  }
  return finish(reader.format, baseName, bytes, read, now);
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
