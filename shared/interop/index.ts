/** Report renderers and annotation interop: pure functions from a project to text. */
import type { Project } from '../operations';
import { renderClaimReview, type ExportWarning } from './claimReview';
import { renderCsv } from './csv';
import { renderHtmlReport } from './htmlReport';
import { renderMarkdownReport } from './markdownReport';
import type { ExportOptions } from './reportData';
import type { TextExportFormat } from './formats';
import { renderWebAnnotations } from './webAnnotation';

export { EXPORT_FORMATS, FORMAT_INFO, isExportFormat, type ExportFormat, type ExportFormatInfo, type TextExportFormat } from './formats';

export interface RenderOptions extends ExportOptions {
  /** CSV only: start with a UTF-8 byte order mark. */
  bom?: boolean;
}

export interface RenderedExport {
  text: string;
  warnings: ExportWarning[];
}


export function renderExport(project: Project, format: TextExportFormat, options: RenderOptions = {}): RenderedExport {
  switch (format) {
    case 'html':
      return { text: renderHtmlReport(project, options), warnings: [] };
    case 'md':
      return { text: renderMarkdownReport(project, options), warnings: [] };
    case 'csv':
      return { text: renderCsv(project, options), warnings: [] };
    case 'claimreview':
      return renderClaimReview(project, options);
    case 'w3c':
      return { text: renderWebAnnotations(project, options), warnings: [] };
  }
}

export type { ExportOptions } from './reportData';
export type { ExportWarning } from './claimReview';
