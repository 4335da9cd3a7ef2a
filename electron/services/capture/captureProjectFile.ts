/**
 * Capturing a page into a project file on disk (the CLI's `capture`): takes the project's lock,
 * captures the URL, stores the files beside the project, and records one undoable step — the
 * capture attached to the source with that URL, the source added first when there is none.
 */
import { WorkbenchError } from '../../../shared/api';
import { newId } from '../../../shared/ids';
import type { Capture, Source } from '../../../shared/model';
import type { LeafOperation, Project } from '../../../shared/operations';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { openProjectStore } from '../projectStore';
import type { SettingsStore } from '../settings';
import { captureRunner, type CaptureDeps } from './captureCalls';
import type { CapturePhase } from '../../../shared/captures/captureJobs';

export interface CaptureIntoProjectOptions {
  author: string;
  alsoWayback: boolean;
  settings: SettingsStore;
  version: string;
  deps?: CaptureDeps;
  onProgress?: (progress: { phase: CapturePhase; requests: number; bytes: number }) => void;
  signal?: AbortSignal;
}

export interface CaptureIntoProjectResult {
  capture: Capture;
  source: Source;
  /** True when the source was added for this URL. */
  addedSource: boolean;
}

/** The project's source with this URL (compared as normalised web addresses). */
export function sourceForUrl(project: Project, url: string): Source | undefined {
  const wanted = checkExternalUrl(url);
  if (!wanted.ok) return undefined;
  return project.sources.find((source) => {
    const own = checkExternalUrl(source.url);
    return own.ok && own.url === wanted.url;
  });
}

export async function captureIntoProjectFile(projectFile: string, url: string, options: CaptureIntoProjectOptions): Promise<CaptureIntoProjectResult> {
  const checked = checkExternalUrl(url);
  if (!checked.ok) throw new WorkbenchError('invalid-arguments', `Cannot capture "${url}": ${checked.reason}`);
  const store = await openProjectStore(projectFile);
  try {
    const existing = sourceForUrl(store.project, checked.url);
    // A source withheld for its safety is never named to a third party.
    const alsoWayback = options.alsoWayback && !existing?.withheld;
    const run = captureRunner(options.settings, options.version, options.deps ?? {});
    const capture = await run(
      { projectPath: store.path, projectId: store.project.id, sourceId: existing?.id ?? '', url: checked.url, alsoWayback },
      { signal: options.signal ?? new AbortController().signal, onProgress: options.onProgress ?? (() => undefined) },
    );

    const ops: LeafOperation[] = [];
    let source = existing ? store.project.sources.find((s) => s.id === existing.id) : undefined;
    if (!source) {
      source = {
        id: newId('source'),
        url: checked.url,
        title: capture.title || checked.url,
        publisher: '',
        accessedAt: capture.capturedAt.slice(0, 10),
      };
      ops.push({ type: 'addSource', source });
    }
    ops.push({ type: 'attachCapture', sourceId: source.id, capture });
    store.apply(store.project.history.length, [{ kind: 'do', op: { type: 'batch', label: 'Capture source', ops } }], () => ({
      author: options.author,
      at: new Date().toISOString(),
      id: newId('h'),
    }));
    const status = await store.close();
    if (status.state === 'error') throw new WorkbenchError('io-error', `Could not save ${projectFile}: ${status.error ?? 'unknown error'}`);
    return { capture, source, addedSource: !existing };
  } catch (err) {
    await store.close({ force: true }).catch(() => undefined);
    throw err;
  }
}
