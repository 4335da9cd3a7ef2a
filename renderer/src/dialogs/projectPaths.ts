/** Path helpers for the project dialogs (no node:path in the renderer). */
import { PROJECT_EXTENSION, projectBaseName } from '../../../shared/projectFile';

function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function projectName(path: string | null, fallbackTitle: string): string {
  const fromPath = path ? projectBaseName(baseName(path)) : '';
  if (fromPath) return fromPath;
  return fallbackTitle.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'project';
}

/** "<projectsDir>/<name>-copy.factcheck.json" */
export function defaultSaveAsPath(projectsDir: string, currentPath: string | null, title: string): string {
  const separator = separatorOf(projectsDir);
  const dir = projectsDir.replace(/[\\/]+$/, '');
  return `${dir}${separator}${projectName(currentPath, title)}-copy${PROJECT_EXTENSION}`;
}
