import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAME } from '../../../../electron/services/sampleProject';
import { projectToOpenAtStart } from '../../../../electron/services/startupProject';
import { createWorkbench } from '../../../../electron/services/workbench';
import { tempDir, withBundledSample } from './helpers';

describe('the project a new window starts on', () => {
  it('is the sample on the first start, then the project opened most recently', async () => {
    const { dataDir, resourcesDir } = await withBundledSample();
    const workbench = createWorkbench({ dataDir, mode: 'browser', version: 'test', resourcesDir });
    try {
      const first = await projectToOpenAtStart(workbench, dataDir, resourcesDir);
      expect(first).toBe(path.join(dataDir, 'projects', SAMPLE_FILE_NAME));

      const created = await workbench.createProject({ title: 'Strikes desk' });
      await workbench.closeProject({});
      expect(await projectToOpenAtStart(workbench, dataDir, resourcesDir)).toBe(created.path);
    } finally {
      await workbench.dispose();
    }
  });

  it('is nothing when there is no sample and no recent project', async () => {
    const root = await tempDir();
    const dataDir = path.join(root, 'data');
    const workbench = createWorkbench({ dataDir, mode: 'browser', version: 'test', resourcesDir: path.join(root, 'none') });
    try {
      expect(await projectToOpenAtStart(workbench, dataDir, path.join(root, 'none'))).toBeNull();
    } finally {
      await workbench.dispose();
    }
  });
});
