/** Path helpers for the project dialogs (no node:path in the renderer). */
import { PROJECT_EXTENSION } from '../../../shared/projectFile';

function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function projectName(path: string | null, fallbackTitle: string): string {
  const name = path ? baseName(path) : '';
  const fromPath = name.toLowerCase().endsWith(PROJECT_EXTENSION) ? name.slice(0, -PROJECT_EXTENSION.length) : name.replace(/\.json$/i, '');
  if (fromPath) return fromPath;
  return fallbackTitle.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'project';
}

/** "<projectsDir>/<name>-copy.factcheck.json" */
export function defaultSaveAsPath(projectsDir: string, currentPath: string | null, title: string): string {
  const separator = separatorOf(projectsDir);
  const dir = projectsDir.replace(/[\\/]+$/, '');
  return `${dir}${separator}${projectName(currentPath, title)}-copy${PROJECT_EXTENSION}`;
}
