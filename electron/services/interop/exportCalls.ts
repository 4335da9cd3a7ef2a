/**
 * The export calls of the API contract (exportProject, previewReport, showInFolder) over the open
 * project; createWorkbench delegates to these. Rendering runs in the export worker it is given, so
 * a large report never holds up the other calls.
 */
import path from 'node:path';
import { WorkbenchError, type CallArgs, type ExportFileResult, type ReportPreview, type ShowInFolderResult } from '../../../shared/api';
import type { ExportFormat } from '../../../shared/interop/formats';
import type { Project } from '../../../shared/operations';
import type { ExportRenderer } from './exportJobs';
import type { ExportWorkerLocation } from './exportRunner';
import { resolveUserPath } from '../userPath';
import { chromiumPrinter, defaultExportName, exportToFile, localPageSize, type PdfPrinter } from './exportProject';

export interface ExportDeps {
  /** Prints HTML to a PDF file: Electron's printToPDF in the app, a local Chromium elsewhere. */
  printPdf?: PdfPrinter;
  /** Reveals a file in the system file manager (desktop app only). */
  showItemInFolder?: (file: string) => void;
  /** Where the export worker's code is (the desktop app's build names its bundled file). */
  worker?: ExportWorkerLocation;
}

export function exportCalls(open: () => { path: string; project: Project }, deps: ExportDeps, render: ExportRenderer) {
  /** A typed path: `~/` is home; relative paths are beside the project file. */
  const resolveTarget = (projectPath: string, requested: string | undefined, project: Project, format: ExportFormat) => {
    const dir = path.dirname(projectPath);
    if (!requested || !requested.trim()) return path.join(dir, defaultExportName(project, format));
    return resolveUserPath(requested, dir);
  };

  // Only files this session exported can be revealed (the renderer is not trusted with paths).
  const exported = new Set<string>();

  return {
    async exportProject(request: CallArgs<'exportProject'>): Promise<ExportFileResult> {
      const { path: projectPath, project } = open();
      const target = resolveTarget(projectPath, request.path, project, request.format);
      if (path.resolve(target) === path.resolve(projectPath)) {
        throw new WorkbenchError('io-error', 'Choose another file name: the export would overwrite the project file.');
      }
      const result = await exportToFile(
        project,
        request.format,
        target,
        {
          approvedOnly: request.approvedOnly,
          bom: request.bom,
          url: request.url || undefined,
          organisation: request.organisation || undefined,
          pageSize: request.pageSize,
        },
        deps.printPdf ?? chromiumPrinter,
        render,
      );
      exported.add(path.resolve(result.path));
      return { path: result.path, format: result.format, bytes: result.bytes, warnings: result.warnings.map((w) => w.message) };
    },

    async previewReport(request: CallArgs<'previewReport'>): Promise<ReportPreview> {
      const { project } = open();
      return render.preview(project, { approvedOnly: request.approvedOnly, pageSize: request.pageSize ?? localPageSize() });
    },

    async showInFolder(request: CallArgs<'showInFolder'>): Promise<ShowInFolderResult> {
      const file = path.resolve(request.path);
      if (!exported.has(file)) throw new WorkbenchError('invalid-arguments', 'Only a file exported in this session can be shown in its folder.');
      if (!deps.showItemInFolder) return { shown: false, path: file };
      deps.showItemInFolder(file);
      return { shown: true, path: file };
    },
  };
}
