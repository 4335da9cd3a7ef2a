/**
 * On first start, copy the bundled sample project into `<dataDir>/projects/` so there is something
 * to open. Remembered in the settings: once offered, a deleted sample does not come back.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PROJECT_EXTENSION } from '../../shared/projectFile';
import { isErrno } from './fsErrors';
import { SettingsStore } from './settings';

export const SAMPLE_FILE_NAME = `sample${PROJECT_EXTENSION}`;

export function projectsDirOf(dataDir: string): string {
  return path.join(dataDir, 'projects');
}

/**
 * Copies `<resourcesDir>/sample/sample.factcheck.json` to `<dataDir>/projects/` the first time and
 * returns the copy's path; returns null when it was offered before or there is no bundled sample.
 * An existing file of that name is never overwritten (its path is returned).
 */
export async function ensureSampleProject(dataDir: string, resourcesDir: string): Promise<string | null> {
  const settings = new SettingsStore(dataDir);
  if ((await settings.readStored()).sampleOffered) return null;

  const source = path.join(resourcesDir, 'sample', SAMPLE_FILE_NAME);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(source);
  } catch {
    return null;
  }
  const projectsDir = projectsDirOf(dataDir);
  await fs.mkdir(projectsDir, { recursive: true });
  const target = path.join(projectsDir, SAMPLE_FILE_NAME);
  try {
    // Written (not copied) so the copy is writable even when the bundled file is read-only.
    await fs.writeFile(target, bytes, { flag: 'wx', mode: 0o644 });
  } catch (err) {
    if (!isErrno(err, 'EEXIST')) throw err;
  }
  await settings.update({ sampleOffered: true });
  return target;
}
