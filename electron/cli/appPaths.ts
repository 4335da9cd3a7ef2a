/** Where the CLI finds the app's own files (it runs from the source tree through tsx). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const APP_ROOT = resolve(import.meta.dirname, '..', '..');
export const RENDERER_OUT_DIR = join(APP_ROOT, 'out', 'renderer');
export const RESOURCES_DIR = join(APP_ROOT, 'resources');

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
