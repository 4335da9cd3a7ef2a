/**
 * Writing an export to disk: text formats through the pure renderers in shared/interop, PDF by
 * printing the HTML report (Electron's printToPDF in the app, a local Chromium elsewhere).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/api';
import { renderHtmlReport } from '../../../shared/interop/htmlReport';
import { renderExport, type ExportFormat, type ExportWarning, type RenderOptions } from '../../../shared/interop';
import { defaultExportName as defaultName } from '../../../shared/interop/formats';
import type { Project } from '../../../shared/operations';
import { writeFileDurably } from '../durableWrite';
import { printHtmlToPdfWithChromium } from './chromiumPdf';

/** Prints a self-contained HTML document to a PDF file. */
export type PdfPrinter = (html: string, pdfFile: string) => Promise<void>;

export const chromiumPrinter: PdfPrinter = (html, pdfFile) => printHtmlToPdfWithChromium(html, pdfFile);

export interface ExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  warnings: ExportWarning[];
}

export async function exportToFile(
  project: Project,
  format: ExportFormat,
  outPath: string,
  options: RenderOptions = {},
  printPdf: PdfPrinter = chromiumPrinter,
): Promise<ExportResult> {
  const target = path.resolve(outPath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (format === 'pdf') {
    await printPdf(renderHtmlReport(project, options), target);
    const stat = await fs.stat(target);
    return { path: target, format, bytes: stat.size, warnings: [] };
  }
  const { text, warnings } = renderExport(project, format, options);
  await writeFileReplacing(target, text);
  return { path: target, format, bytes: Buffer.byteLength(text), warnings };
}

/** Writes the export durably (the same temp → fsync → rename path as project files). */
async function writeFileReplacing(target: string, text: string): Promise<void> {
  try {
    await writeFileDurably(target, text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new WorkbenchError('io-error', `Cannot write ${target}: ${message}`);
  }
}

/** A file name for an export of this project: "<project title slug><format extension>". */
export function defaultExportName(project: Pick<Project, 'title'>, format: ExportFormat): string {
  return defaultName(project.title, format);
}
