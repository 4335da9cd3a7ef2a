/** Test projects go through the loader, so no test relies on a project the workbench could never open. */
import type { Project } from '../../shared/operations';
import { parseProjectFile, serializeProject } from '../../shared/projectFile';

/** The project as the loader reads it back from its file; throws with the loader's problem when it would reject it. */
export function loadable(project: Project): Project {
  const parsed = parseProjectFile(serializeProject(project));
  if (!parsed.ok) throw new Error(`The loader rejects this test project: ${parsed.problem}`);
  return parsed.project;
}
