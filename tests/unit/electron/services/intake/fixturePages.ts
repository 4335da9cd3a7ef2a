/** The 31 real pages of ../shared/fixtures/readability-pages (outside the repository). */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SHARED_FIXTURES } from '../../../testPaths';

export const FIXTURES = path.join(SHARED_FIXTURES, 'readability-pages');

export function fixturePages(): string[] {
  return readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'source.html'))).sort();
}
