/** The scripts find the repository and the shared test material where the tests do (tests/unit/testPaths.ts). */
import { REPO, SHARED_FIXTURES, sharedFixture } from '../tests/unit/testPaths';

export const REPO_ROOT = REPO;

export function fixturesDir(sub = ''): string {
  return sub ? sharedFixture(sub) : sharedFixture();
}

export { SHARED_FIXTURES };
