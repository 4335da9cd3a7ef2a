/**
 * The files a project keeps beside itself (`<project>.assets/<sha256>.<ext>`): source attachments
 * and every file of every capture. What a copy must bring along when it merges or syncs.
 */
import type { Project } from '../operations';

export interface ProjectFile {
  sha256: string;
  ext: string;
}

/** Every file the project refers to, once each (by hash and extension), in a stable order. */
export function projectFiles(project: Pick<Project, 'sources'>): ProjectFile[] {
  const files = new Map<string, ProjectFile>();
  const add = (file: ProjectFile | undefined) => {
    if (file) files.set(`${file.sha256}.${file.ext}`, { sha256: file.sha256, ext: file.ext });
  };
  for (const source of project.sources) {
    for (const attachment of source.attachments ?? []) add(attachment);
    for (const capture of source.captures ?? []) {
      add(capture.warc);
      add(capture.screenshot);
      add(capture.pdf);
      add(capture.text);
    }
  }
  return [...files.values()].sort((a, b) => (a.sha256 + a.ext < b.sha256 + b.ext ? -1 : 1));
}
