/**
 * Test-only code is not in the app: no renderer source installs a hook on window for tests, and the
 * built renderer (when built) carries none. Tests drive the app through its UI and generated
 * project files instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../testPaths';

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, pattern) : pattern.test(entry.name) ? [full] : [];
  });
}

const HOOK = /__factcheckTest|factcheck-test-hooks|window\.__\w+\s*=/;

describe('no test hooks in the app', () => {
  it('no renderer source installs one', () => {
    const offenders = files(path.join(REPO, 'renderer'), /\.(ts|tsx)$/).filter((file) => HOOK.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO, f))).toEqual([]);
  });

  const built = path.join(REPO, 'out', 'renderer');
  // Skipped (and so reported) when nothing is built yet; the source check above still runs.
  it.skipIf(!existsSync(built))('the built renderer carries none', () => {
    const offenders = files(built, /\.js$/).filter((file) => /__factcheckTest|factcheck-test-hooks/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
