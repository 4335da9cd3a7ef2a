/**
 * The test-material folder (outside the repository): $FACTCHECK_FIXTURES, else ../shared/fixtures
 * beside the repository root. Fails with a message naming the folder it looked for.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

export function fixturesDir(sub = ''): string {
  const base = process.env.FACTCHECK_FIXTURES ? path.resolve(process.env.FACTCHECK_FIXTURES) : path.resolve(REPO_ROOT, '..', 'shared', 'fixtures');
  const dir = sub ? path.join(base, sub) : base;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`Fixtures folder not found: ${dir} (set FACTCHECK_FIXTURES to the folder that holds ${sub || 'the fixtures'})`);
  }
  return dir;
}
