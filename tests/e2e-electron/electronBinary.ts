/**
 * Where the Electron binary is, or why there is none. The electron package's postinstall downloads
 * it (we set allowScripts.electron = false so `npm ci` works offline), so it is often missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../e2e/fixtures/buildApp';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const packageDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'no Electron binary is present (node_modules/electron/path.txt is missing: its download is disabled by ' +
        'allowScripts; run `node node_modules/electron/install.js` on a connected machine to get it)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!existsSync(binary)) return { found: false, reason: `no Electron binary at ${binary}` };
  return { found: true, path: binary };
}
