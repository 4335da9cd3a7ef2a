/**
 * Writing an export to disk: text formats through the pure renderers in shared/interop, PDF by
 * printing the HTML report (Electron's printToPDF in the app, a local Chromium elsewhere). The
 * rendering runs where the caller says: in this thread for the CLI, in the export worker for the
 * workbench.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/api';
import { describeFolderError, describeFsError } from '../fsErrors';
import { type ExportFormat, type ExportWarning, type RenderOptions } from '../../../shared/interop';
import { defaultExportName as defaultName } from '../../../shared/interop/formats';
import { pageSizeForLocale, type PageSize } from '../../../shared/interop/pageSize';
import type { Project } from '../../../shared/operations';
import { writeFileDurably } from '../durableWrite';
import { printHtmlToPdfWithChromium } from './chromiumPdf';
import { inThreadRenderer, type ExportRenderer } from './exportJobs';

/** Prints a self-contained HTML document to a PDF file on paper of `pageSize` (the HTML's @page rule says the same). */
export type PdfPrinter = (html: string, pdfFile: string, options: { pageSize: PageSize }) => Promise<void>;

export const chromiumPrinter: PdfPrinter = (html, pdfFile) => printHtmlToPdfWithChromium(html, pdfFile);

/** The paper of this machine's locale (LC_ALL, LC_PAPER, LANG, else the runtime's locale): Letter in the US and Canada, A4 elsewhere. */
export function localPageSize(env: NodeJS.ProcessEnv = process.env): PageSize {
  const fromEnv = [env.LC_ALL, env.LC_PAPER, env.LANG].find((value) => value && value !== 'C' && value !== 'POSIX' && !value.startsWith('C.'));
  return pageSizeForLocale(fromEnv ?? Intl.DateTimeFormat().resolvedOptions().locale);
}

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
  render: ExportRenderer = inThreadRenderer,
): Promise<ExportResult> {
  const target = path.resolve(outPath);
  await fs.mkdir(path.dirname(target), { recursive: true }).catch((err: unknown) => {
    throw new WorkbenchError('io-error', `Cannot write ${target}: the folder cannot be made: ${describeFolderError(err)}`);
  });
  if (format === 'pdf') {
    const pageSize = options.pageSize ?? localPageSize();
    await printPdf(await render.html(project, { ...options, pageSize }), target, { pageSize });
    const stat = await fs.stat(target);
    return { path: target, format, bytes: stat.size, warnings: [] };
  }
  const { text, warnings } = await render.text(project, format, format === 'html' ? { ...options, pageSize: options.pageSize ?? localPageSize() } : options);
  await writeFileReplacing(target, text);
  return { path: target, format, bytes: Buffer.byteLength(text), warnings };
}

/** Writes the export durably (the same temp → fsync → rename path as project files). */
async function writeFileReplacing(target: string, text: string): Promise<void> {
  try {
    await writeFileDurably(target, text);
  } catch (err) {
    throw new WorkbenchError('io-error', `Cannot write ${target}: ${describeFsError(err)}`);
  }
}

/** A file name for an export of this project: "<project title slug><format extension>". */
export function defaultExportName(project: Pick<Project, 'title'>, format: ExportFormat): string {
  return defaultName(project.title, format);
}
