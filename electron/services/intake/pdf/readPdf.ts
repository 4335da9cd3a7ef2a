/**
 * PDF → blocks, with pdfjs-dist's legacy build in Node: no worker thread of its own, no eval, no
 * fetching, no font loading (text extraction needs none). Each page's text items become lines
 * (pdfLines), running headers/footers are dropped and lines become paragraphs (pdfParagraphs).
 * The title is the document's Title property, else its first heading.
 */
import { UnreadableFile, type ReadResult } from '../readResult';
import { itemsToLines, orderLines, type PdfLine, type PdfTextItem } from './pdfLines';
import { dropRunningLines, linesToBlocks } from './pdfParagraphs';
import { cleanInline } from '../plainText';

export const NO_TEXT_LAYER = 'This PDF has no text layer (it may be a scan); OCR is not supported yet.';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // In Node, pdf.js runs its worker code on the main thread ("fake worker"), loaded from here.
    if (!pdfjs.GlobalWorkerOptions.workerSrc) {
      pdfjs.GlobalWorkerOptions.workerSrc = new URL(import.meta.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    }
    return pdfjs;
  })();
  return pdfjsPromise;
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

function toItem(raw: RawItem): PdfTextItem | null {
  if (typeof raw.str !== 'string' || !raw.transform) return null;
  const [a, b, c, d, x, y] = raw.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 10;
  return { str: raw.str, x, y, width: raw.width ?? 0, size, hasEOL: Boolean(raw.hasEOL) };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new UnreadableFile('it is not a PDF (the file does not start like one).');

  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js may transfer (detach) the buffer it is given
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new UnreadableFile('the PDF is protected with a password. Remove the password (for example, print it to a new PDF) and add it again.');
    }
    throw new UnreadableFile('the PDF is damaged or not a valid PDF, so its text cannot be read.');
  }
  try {
    const pages: { lines: PdfLine[]; height: number }[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items = (content.items as RawItem[]).map(toItem).filter((item): item is PdfTextItem => item !== null);
      const lines = itemsToLines(items.map((item) => ({ ...item, x: item.x - x0, y: item.y - y0 })), number);
      pages.push({ lines: orderLines(lines, x1 - x0), height: y1 - y0 });
      page.cleanup();
    }
    const blocks = linesToBlocks(dropRunningLines(pages));
    if (blocks.length === 0) throw new UnreadableFile(NO_TEXT_LAYER);

    let title = '';
    try {
      const info = (await pdf.getMetadata()).info as Record<string, unknown> | undefined;
      title = typeof info?.Title === 'string' ? cleanInline(info.Title) : '';
    } catch {
      // No usable document information.
    }
    const heading = blocks.find((block) => block.type === 'heading');
    return { blocks, metadata: { title: title || heading?.text || undefined } };
  } finally {
    await pdf.destroy();
  }
}
