/** The 31 real pages of ../shared/fixtures/readability-pages (outside the repository). */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/readability-pages');

export function fixturePages(): string[] {
  return readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, 'source.html'))).sort();
}
