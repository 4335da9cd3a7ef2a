/**
 * Makes sure the renderer is built before browser mode serves it: runs `electron-vite build` (main,
 * preload and renderer; it needs no Electron binary) when out/renderer/index.html is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APP_ROOT, RENDERER_OUT_DIR } from './appPaths';

export function isRendererBuilt(dir: string = RENDERER_OUT_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** Runs the app build in a child process, its output going to our stderr; rejects on failure. */
export function buildApp(): Promise<void> {
  const require = createRequire(join(APP_ROOT, 'package.json'));
  const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js');
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], { cwd: APP_ROOT, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolveBuild() : reject(new Error(`electron-vite build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  if (isRendererBuilt()) return;
  log('Building the workbench (first run)…');
  await buildApp();
  if (!isRendererBuilt()) throw new Error(`The build did not produce ${join(RENDERER_OUT_DIR, 'index.html')}`);
}
