/**
 * Where tests, benches and scripts find the repository and the shared test material. The material
 * (real articles, saved pages, annotation files) lives outside the repository: the folder named by
 * FACTCHECK_FIXTURES, else ../shared/fixtures beside the clone. The one place that says so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..');

/** The shared test material folder for an environment (FACTCHECK_FIXTURES, relative to the repository, or the default). */
export function fixturesFolder(env: NodeJS.ProcessEnv = process.env, repo = REPO): string {
  const configured = env.FACTCHECK_FIXTURES?.trim();
  return configured ? path.resolve(repo, configured) : path.resolve(repo, '..', 'shared', 'fixtures');
}

export const SHARED_FIXTURES = fixturesFolder();

/**
 * A path inside the shared test material, checked: a missing folder or file fails with a message
 * naming it and saying how to point the tests at the material.
 */
export function sharedFixture(...parts: string[]): string {
  return checkedFixture(SHARED_FIXTURES, parts);
}

export function checkedFixture(folder: string, parts: readonly string[]): string {
  if (!existsSync(folder)) {
    throw new Error(
      `The shared test material folder ${folder} does not exist. The tests read real articles and pages from it: ` +
        'put the fixtures there (../shared/fixtures beside the clone) or set FACTCHECK_FIXTURES to their folder.',
    );
  }
  const file = path.join(folder, ...parts);
  if (!existsSync(file)) {
    throw new Error(`${path.join(...parts)} is missing from the shared test material folder ${folder} (FACTCHECK_FIXTURES).`);
  }
  return file;
}
