/**
 * Project-level actions shared by the buttons, the welcome screen and the shortcuts. In the desktop
 * app Open / Save as use the native dialog (pickPath); the in-window dialog is shown only where the
 * binding has none (browser mode) — the caller passes a function to show it.
 */
import type { MergedCopy } from '../../../shared/api';
import { mergeSummary } from '../../../shared/sync/mergeSummary';
import { errorMessage } from '../platform/errorMessage';
import type { ProjectSession } from '../store/projectSession';
import { defaultSaveAsPath } from '../dialogs/projectPaths';

export type ShowDialog = () => void;

async function pick(session: ProjectSession, purpose: 'openProject' | 'saveProject' | 'mergeCopy', defaultPath?: string): Promise<{ supported: boolean; path: string | null }> {
  const { appInfo } = session.getSnapshot();
  if (appInfo?.mode !== 'electron') return { supported: false, path: null };
  try {
    return await session.api.pickPath(defaultPath ? { purpose, defaultPath } : { purpose });
  } catch (error) {
    session.notify(`The file dialog could not be shown: ${errorMessage(error)}`);
    return { supported: false, path: null };
  }
}

export async function openProjectFlow(session: ProjectSession, showDialog: ShowDialog): Promise<void> {
  const picked = await pick(session, 'openProject', session.getSnapshot().appInfo?.projectsDir);
  if (!picked.supported) return showDialog();
  if (picked.path) await session.openProject(picked.path);
}

export function saveAsDefaultPath(session: ProjectSession): string {
  const { appInfo, path, project } = session.getSnapshot();
  return defaultSaveAsPath(appInfo?.projectsDir ?? '', path, project?.title ?? 'project');
}

export async function saveAsFlow(session: ProjectSession, showDialog: ShowDialog): Promise<void> {
  if (!session.getSnapshot().project) return;
  const picked = await pick(session, 'saveProject', saveAsDefaultPath(session));
  if (!picked.supported) return showDialog();
  if (picked.path) await session.saveProjectAs(picked.path);
}

/** Merge a copy…: the native file dialog in the desktop app, else the in-window dialog; `done` gets the result line. */
export async function mergeCopyFlow(session: ProjectSession, showDialog: ShowDialog, done: (summary: string) => void): Promise<void> {
  const { project, appInfo } = session.getSnapshot();
  if (!project) return;
  const picked = await pick(session, 'mergeCopy', appInfo?.projectsDir);
  if (!picked.supported) return showDialog();
  if (!picked.path) return;
  const merged = await session.mergeCopy(picked.path);
  if (merged) done(mergeResultLine(merged));
}

/** The CLI's line, and what was skipped after it. */
export function mergeResultLine(merged: MergedCopy): string {
  const line = mergeSummary(merged);
  return merged.problems.length ? `${line}; skipped: ${merged.problems.join('; ')}` : line;
}
