/**
 * Keeps a capture beside the project: the WARC, picture, PDF and readable text go into
 * `<project>.assets/<sha256>.<ext>` (content addressed, like attachments), and the Capture record
 * that names them by hash is returned for the project. The readable text comes from our intake
 * pipeline run on the rendered page (after its scripts ran), or on the document itself (a PDF).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/api';
import { newId } from '../../../shared/ids';
import type { Capture, CaptureFile } from '../../../shared/model';
import { assetsDirFor } from '../attachments/attachmentStore';
import { fileExists, writeFileDurably } from '../durableWrite';
import { sha256Hex } from '../intake/sha256';
import type { CapturedPage } from './capturePage';

export const CAPTURE_MEDIA_TYPES: Record<string, string> = {
  warc: 'application/warc',
  png: 'image/png',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
};

/** Writes bytes as `<sha256>.<ext>` in the project's assets folder (once per content). */
export async function storeAsset(projectPath: string, ext: string, bytes: Uint8Array): Promise<CaptureFile> {
  const sha256 = sha256Hex(bytes);
  const file = path.join(assetsDirFor(projectPath), `${sha256}.${ext}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  if (!(await fileExists(file))) {
    try {
      await writeFileDurably(file, bytes);
    } catch (err) {
      throw new WorkbenchError('io-error', `Cannot store the capture in ${path.basename(path.dirname(file))}: ${(err as Error).message}`);
    }
  }
  return { sha256, ext, size: bytes.byteLength };
}

/** A stored capture file's bytes, checked against its hash. */
export async function readAsset(projectPath: string, file: Pick<CaptureFile, 'sha256' | 'ext'>): Promise<Uint8Array> {
  if (!/^[0-9a-f]{64}$/.test(file.sha256) || !/^[a-z0-9]{1,10}$/.test(file.ext)) throw new WorkbenchError('invalid-arguments', 'Not a capture file.');
  const name = `${file.sha256}.${file.ext}`;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(assetsDirFor(projectPath), name));
  } catch {
    throw new WorkbenchError('io-error', `The capture file ${file.sha256.slice(0, 12)}….${file.ext} is missing from ${path.basename(assetsDirFor(projectPath))}.`);
  }
  if (sha256Hex(bytes) !== file.sha256) throw new WorkbenchError('io-error', `The capture file ${file.sha256.slice(0, 12)}….${file.ext} is damaged.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The rendered page's readable text and title, through the intake pipeline; a reason instead when there is none. */
export async function readableText(source: NonNullable<CapturedPage['textSource']>): Promise<{ text: string; title?: string } | { problem: string }> {
  try {
    // Loaded on first use: the readers (a DOM, DOCX) would add seconds to every start of the services.
    const { importArticleFile } = await import('../intake/importArticle');
    const version = await importArticleFile(source.fileName, source.bytes);
    // The intake names an untitled page after its file; a capture has no file name of its own.
    const fileStem = source.fileName.replace(/\.[^.]+$/, '');
    const title = version.metadata.title?.trim() === fileStem ? undefined : version.metadata.title?.trim();
    return { text: version.text, ...(title ? { title } : {}) };
  } catch (err) {
    if (err instanceof WorkbenchError && err.code === 'unsupported-file') return { problem: err.message };
    throw err;
  }
}

export interface StoreCaptureOptions {
  tool: { name: string; version: string };
  onPhase?: (phase: 'text' | 'storing') => void;
}

export async function storeCapture(projectPath: string, page: CapturedPage, options: StoreCaptureOptions): Promise<Capture> {
  const warnings = [...page.warnings];
  options.onPhase?.('text');
  let text: string | undefined;
  let title: string | undefined;
  if (page.textSource) {
    const read = await readableText(page.textSource);
    if ('problem' in read) warnings.push(`No readable text: ${read.problem}`);
    else {
      text = read.text;
      title = read.title;
    }
  }

  options.onPhase?.('storing');
  const warc = await storeAsset(projectPath, 'warc', page.warc.bytes);
  const capture: Capture = {
    id: newId('capture'),
    requestedUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    httpStatus: page.httpStatus,
    contentType: page.contentType,
    capturedAt: page.capturedAt.toISOString(),
    tool: { name: options.tool.name, version: options.tool.version, browser: page.browser },
    warc: { ...warc, records: page.warc.records },
  };
  if (page.screenshot) capture.screenshot = await storeAsset(projectPath, 'png', page.screenshot);
  if (page.pdf) capture.pdf = await storeAsset(projectPath, 'pdf', page.pdf);
  if (text !== undefined && text.trim() !== '') capture.text = await storeAsset(projectPath, 'txt', new TextEncoder().encode(text));
  if (title) capture.title = title.slice(0, 500);
  if (warnings.length > 0) capture.warnings = warnings;
  return capture;
}

/** Every file a capture names, with its role. */
export function captureFiles(capture: Capture): { role: 'warc' | 'screenshot' | 'pdf' | 'text'; file: CaptureFile }[] {
  const out: { role: 'warc' | 'screenshot' | 'pdf' | 'text'; file: CaptureFile }[] = [{ role: 'warc', file: capture.warc }];
  if (capture.screenshot) out.push({ role: 'screenshot', file: capture.screenshot });
  if (capture.pdf) out.push({ role: 'pdf', file: capture.pdf });
  if (capture.text) out.push({ role: 'text', file: capture.text });
  return out;
}
