/**
 * Everything a project must satisfy, checked whole: its schema (types and size limits), unique ids,
 * texts that are their blocks (without broken characters) and match their SHA-256, claims on their
 * text and scale, references that resolve, and a history that adds up. For tests and harnesses: the
 * save path never calls this (the reducer keeps these rules per operation, operations/invariants.ts,
 * and the loader checks or repairs them on open, projectFile.ts).
 */
import { ProjectSchema, StoredProjectSchema, type Project } from './operations';
import { checkProjectIntegrity, formatPath, type TextHasher } from './projectFile';

/**
 * Every rule `project` breaks, worded as the loader words them; empty when it keeps them all. With
 * `stored`, the history's operations are held to the loader's rule for a file read from disk (their
 * shape; each is validated in full when undo or a merge replays it).
 */
export function checkInvariants(project: Project, sha256?: TextHasher, options: { stored?: boolean } = {}): string[] {
  const parsed = (options.stored ? StoredProjectSchema : ProjectSchema).safeParse(project);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const problems = checkProjectIntegrity(project);
  if (sha256) {
    project.articles.forEach((article, i) => {
      [article, ...article.previousVersions].forEach((version, j) => {
        if (sha256(version.text) !== version.textSha256) {
          problems.push(`articles[${i}]${j ? `.previousVersions[${j - 1}]` : ''}.textSha256: does not match the text`);
        }
      });
    });
  }
  return problems;
}
