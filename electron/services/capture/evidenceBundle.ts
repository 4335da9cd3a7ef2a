/**
 * "Export evidence bundle": a folder a third party can check on its own. It holds the HTML report,
 * every capture (WARC, picture, PDF, text) and attachment of the reported sources, a manifest.json
 * naming each file with its SHA-256, size, source URL and capture time, and SHA256SUMS in the form
 * `sha256sum -c` reads. Sources withheld for source safety are left out, as from every export.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/api';
import type { EvidenceBundleResult } from '../../../shared/captures/captureJobs';
import { renderHtmlReport } from '../../../shared/interop/htmlReport';
import { buildReportData, isWithheld } from '../../../shared/interop/reportData';
import { titleSlug } from '../../../shared/interop/formats';
import type { Source } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { mediaTypeOf, readAttachment } from '../attachments/attachmentStore';
import { writeFileDurably } from '../durableWrite';
import { sha256Hex } from '../intake/sha256';
import { CAPTURE_MEDIA_TYPES, captureFiles, readAsset } from './captureStore';

export const BUNDLE_FORMAT = 'factcheck-evidence-bundle';

export interface ManifestFile {
  /** Path inside the bundle, with forward slashes. */
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
  role: 'report' | 'warc' | 'screenshot' | 'pdf' | 'text' | 'attachment';
  sourceId?: string;
  /** The source's URL (attachments) or the URL asked for (captures). */
  url?: string;
  finalUrl?: string;
  httpStatus?: number;
  /** When the capture was made (UTC, ISO 8601). */
  capturedAt?: string;
  captureId?: string;
  /** WARC files: the number of records. */
  records?: number;
  /** Attachments: the original file name and when it was attached. */
  name?: string;
  addedAt?: string;
}

export interface EvidenceManifest {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  generatedAt: string;
  generator: { name: string; version: string };
  project: { id: string; title: string };
  files: ManifestFile[];
  sources: {
    id: string;
    title: string;
    url: string;
    captures: { id: string; requestedUrl: string; finalUrl: string; httpStatus: number; capturedAt: string; tool: { name: string; version: string; browser: string }; wayback?: string; files: string[] }[];
    attachments: string[];
  }[];
  /** Files the project names that were missing or damaged in its assets folder. */
  missing: string[];
}

export interface EvidenceBundleOptions {
  approvedOnly?: boolean;
  generatedAt?: string;
  generator: { name: string; version: string };
}

/** `<project title>-evidence-<YYYYMMDD-HHMMSS>` beside the project. */
export function defaultBundleDir(projectPath: string, project: Pick<Project, 'title'>, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(path.dirname(projectPath), `${titleSlug(project.title) || 'project'}-evidence-${stamp}`);
}

export async function exportEvidenceBundle(
  project: Project,
  projectPath: string,
  outDir: string,
  options: EvidenceBundleOptions,
): Promise<EvidenceBundleResult & { manifest: EvidenceManifest }> {
  const target = path.resolve(outDir);
  const existing = await fs.readdir(target).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  if (existing && existing.length > 0) throw new WorkbenchError('io-error', `Choose an empty or new folder: ${target} already holds files.`);
  await fs.mkdir(target, { recursive: true });

  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const files: ManifestFile[] = [];
  const missing: string[] = [];
  const write = async (relative: string, bytes: Uint8Array | string, entry: Omit<ManifestFile, 'path' | 'sha256' | 'size'>) => {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const file = path.join(target, ...relative.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, data);
    files.push({ path: relative, sha256: sha256Hex(data), size: data.byteLength, ...entry });
  };

  const reportOptions = { approvedOnly: options.approvedOnly, generatedAt };
  await write('report.html', renderHtmlReport(project, reportOptions), { mediaType: 'text/html; charset=utf-8', role: 'report' });

  const sources: Source[] = options.approvedOnly ? buildReportData(project, reportOptions).sources : project.sources.filter((s) => !isWithheld(s));
  const manifestSources: EvidenceManifest['sources'] = [];
  const written = new Set<string>();
  for (const source of sources) {
    const entry: EvidenceManifest['sources'][number] = { id: source.id, title: source.title, url: source.url, captures: [], attachments: [] };
    for (const capture of source.captures ?? []) {
      const paths: string[] = [];
      for (const { role, file } of captureFiles(capture)) {
        const relative = `captures/${file.sha256}.${file.ext}`;
        paths.push(relative);
        if (written.has(relative)) continue;
        let bytes: Uint8Array;
        try {
          bytes = await readAsset(projectPath, file);
        } catch (err) {
          missing.push(`${relative} (${(err as Error).message})`);
          continue;
        }
        written.add(relative);
        await write(relative, bytes, {
          mediaType: CAPTURE_MEDIA_TYPES[file.ext] ?? 'application/octet-stream',
          role,
          sourceId: source.id,
          url: capture.requestedUrl,
          finalUrl: capture.finalUrl,
          httpStatus: capture.httpStatus,
          capturedAt: capture.capturedAt,
          captureId: capture.id,
          ...(role === 'warc' ? { records: capture.warc.records } : {}),
        });
      }
      entry.captures.push({
        id: capture.id,
        requestedUrl: capture.requestedUrl,
        finalUrl: capture.finalUrl,
        httpStatus: capture.httpStatus,
        capturedAt: capture.capturedAt,
        tool: capture.tool,
        ...(capture.wayback ? { wayback: capture.wayback.url } : {}),
        files: paths,
      });
    }
    for (const attachment of source.attachments ?? []) {
      const relative = `attachments/${attachment.sha256}.${attachment.ext}`;
      entry.attachments.push(relative);
      if (written.has(relative)) continue;
      let bytes: Uint8Array;
      try {
        bytes = await readAttachment(projectPath, attachment.sha256, attachment.ext);
      } catch (err) {
        missing.push(`${relative} (${(err as Error).message})`);
        continue;
      }
      written.add(relative);
      await write(relative, bytes, {
        mediaType: mediaTypeOf(attachment.ext),
        role: 'attachment',
        sourceId: source.id,
        url: source.url,
        name: attachment.name,
        addedAt: attachment.addedAt,
      });
    }
    if (entry.captures.length > 0 || entry.attachments.length > 0) manifestSources.push(entry);
  }

  const manifest: EvidenceManifest = {
    format: BUNDLE_FORMAT,
    version: 1,
    generatedAt,
    generator: options.generator,
    project: { id: project.id, title: project.title },
    files,
    sources: manifestSources,
    missing,
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFileDurably(path.join(target, 'manifest.json'), manifestText);
  const manifestSha256 = sha256Hex(manifestText);
  const sums = [...files.map((f) => `${f.sha256}  ${f.path}`), `${manifestSha256}  manifest.json`].join('\n');
  await writeFileDurably(path.join(target, 'SHA256SUMS'), `${sums}\n`);
  return { path: target, files: files.length, manifestSha256, missing, manifest };
}
