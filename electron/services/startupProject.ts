/**
 * Which project a new window starts on: the bundled sample on the very first start, otherwise the
 * project the user had open most recently (as a desktop tool reopens your last document), if it still
 * exists. Shared by the desktop app and browser mode.
 */
import type { WorkbenchApi } from '../../shared/api';
import { ensureSampleProject } from './sampleProject';

export async function projectToOpenAtStart(
  workbench: Pick<WorkbenchApi, 'listRecent'>,
  dataDir: string,
  resourcesDir: string,
): Promise<string | null> {
  const firstStartSample = await ensureSampleProject(dataDir, resourcesDir);
  if (firstStartSample) return firstStartSample;
  const recent = await workbench.listRecent({});
  return recent[0]?.path ?? null;
}
