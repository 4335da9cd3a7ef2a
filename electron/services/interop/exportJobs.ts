/**
 * The rendering behind every export and the report preview, as jobs: the same pure renderers of
 * shared/interop run either here (the CLI, which answers no calls) or in the export worker thread
 * (the workbench, whose thread must keep answering calls while a large report renders).
 */
import type { ReportPreview } from '../../../shared/api';
import { htmlFromReportData, renderHtmlReport } from '../../../shared/interop/htmlReport';
import { styleDigest } from './styleDigest';
import { renderExport, type RenderedExport, type RenderOptions, type TextExportFormat } from '../../../shared/interop';
import { buildReportData, type ExportOptions } from '../../../shared/interop/reportData';
import type { Project } from '../../../shared/operations';

export type ExportJob =
  | { kind: 'text'; project: Project; format: TextExportFormat; options: RenderOptions }
  | { kind: 'html'; project: Project; options: ExportOptions }
  | { kind: 'preview'; project: Project; options: ExportOptions };

export function runExportJob(job: ExportJob): RenderedExport | string | ReportPreview {
  switch (job.kind) {
    case 'text':
      return renderExport(job.project, job.format, { ...job.options, styleDigest });
    case 'html':
      return renderHtmlReport(job.project, job.options, styleDigest);
    case 'preview': {
      const data = buildReportData(job.project, job.options);
      return { html: htmlFromReportData(data, styleDigest), claims: data.claims.length };
    }
  }
}

/** Renders exports: in this thread (inThreadRenderer) or in the export worker (createExportRunner). */
export interface ExportRenderer {
  text(project: Project, format: TextExportFormat, options?: RenderOptions): Promise<RenderedExport>;
  html(project: Project, options?: ExportOptions): Promise<string>;
  preview(project: Project, options: ExportOptions): Promise<ReportPreview>;
}

export const inThreadRenderer: ExportRenderer = {
  text: async (project, format, options = {}) => renderExport(project, format, { ...options, styleDigest }),
  html: async (project, options = {}) => renderHtmlReport(project, options, styleDigest),
  preview: async (project, options) => runExportJob({ kind: 'preview', project, options }) as ReportPreview,
};
