/** The bundled sample opened in a browser-mode workbench of its own, for the export tests of the services. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createWorkbench, type WorkbenchDeps } from '../../../../../electron/services/workbench';
import { REPO } from '../../../testPaths';

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!();
});

/**
 * A copy of the bundled sample in a fresh data folder, opened (by `userName`, when given) in a
 * workbench with `extra` dependencies; disposed and removed after the test.
 */
export async function openSample(extra: Partial<WorkbenchDeps> = {}, userName?: string) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-export-'));
  const projectFile = path.join(dataDir, 'work', 'sample.factcheck.json');
  await fs.mkdir(path.dirname(projectFile), { recursive: true });
  await fs.copyFile(path.join(REPO, 'resources', 'sample', 'sample.factcheck.json'), projectFile);
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: '0.0.0', resourcesDir: path.join(dataDir, 'none'), ...extra });
  opened.push(async () => {
    await workbench.dispose();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  if (userName) await workbench.updateSettings({ userName });
  const { project } = await workbench.openProject({ path: projectFile });
  return { workbench, projectFile, dir: path.dirname(projectFile), project };
}
