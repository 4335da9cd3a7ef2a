/** Paths typed by the user: `~` and `~/…` are in the home folder; a relative path is resolved against a base folder. */
import os from 'node:os';
import path from 'node:path';

export function resolveUserPath(input: string, baseDir: string): string {
  const trimmed = input.trim();
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\')) return path.join(os.homedir(), trimmed.slice(1));
  return path.resolve(baseDir, trimmed);
}
