/**
 * The project files whose verdicts the archive picks up without their being open here: the recent
 * list and the projects folder (a project edited by the command line, copied in, or opened in
 * another window since). Only a file whose size or modification time changed is read again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { projectFactChecks } from '../../../shared/archive/projectFactChecks';
import type { ProjectFactCheck } from '../../../shared/archive/types';
import { parseProjectFile, PROJECT_EXTENSION } from '../../../shared/projectFile';
import { RecentProjects } from '../recentProjects';
import { projectsDirOf } from '../sampleProject';
import { sha256Hex } from '../intake/sha256';

/** The recent projects and the files in the projects folder, each once, as absolute paths. */
export async function knownProjectFiles(dataDir: string): Promise<string[]> {
  const paths = new Set<string>();
  for (const entry of await new RecentProjects(dataDir).peek()) paths.add(path.resolve(entry.path));
  const dir = projectsDirOf(dataDir);
  let names: string[] = [];
  try {
    names = await fs.readdir(dir);
  } catch {
    // No projects folder yet.
  }
  for (const name of names) if (name.toLowerCase().endsWith(PROJECT_EXTENSION)) paths.add(path.join(dir, name));
  return [...paths];
}

export interface ProjectFileState {
  mtimeMs: number;
  size: number;
}

export async function projectFileState(file: string): Promise<ProjectFileState | null> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : null;
  } catch {
    return null;
  }
}

export interface ReadProjectFile {
  /** Null when the file is not a valid project (it is remembered and read again only once it changes). */
  projectId: string | null;
  items: ProjectFactCheck[];
}

/** The fact-checks of one project file. */
export async function readProjectFactChecks(file: string): Promise<ReadProjectFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { projectId: null, items: [] };
  }
  const parsed = parseProjectFile(text, sha256Hex);
  if (!parsed.ok) return { projectId: null, items: [] };
  return { projectId: parsed.project.id, items: projectFactChecks(parsed.project) };
}
