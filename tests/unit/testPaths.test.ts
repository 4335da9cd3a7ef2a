/**
 * The shared test material is found in one place (testPaths.ts): FACTCHECK_FIXTURES, else
 * ../shared/fixtures beside the clone; a missing folder fails with its name, and no other test,
 * bench or script names the folder itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedFixture, fixturesFolder, REPO, SHARED_FIXTURES } from './testPaths';

describe('the shared test material folder', () => {
  it('is ../shared/fixtures beside the clone unless FACTCHECK_FIXTURES names another', () => {
    expect(fixturesFolder({}, '/src/clone')).toBe(path.resolve('/src/shared/fixtures'));
    expect(fixturesFolder({ FACTCHECK_FIXTURES: '  ' }, '/src/clone')).toBe(path.resolve('/src/shared/fixtures'));
    expect(fixturesFolder({ FACTCHECK_FIXTURES: '/data/material' }, '/src/clone')).toBe(path.resolve('/data/material'));
    expect(fixturesFolder({ FACTCHECK_FIXTURES: 'material' }, '/src/clone')).toBe(path.resolve('/src/clone/material'));
  });

  it('fails with a message naming the folder when it is absent, and the file when that is', () => {
    const missing = path.join(os.tmpdir(), `no-such-material-${process.pid}`);
    expect(() => checkedFixture(missing, ['articles', 'a.txt'])).toThrow(`The shared test material folder ${missing} does not exist`);
    expect(() => checkedFixture(missing, ['articles', 'a.txt'])).toThrow(/FACTCHECK_FIXTURES/);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'material-'));
    try {
      writeFileSync(path.join(folder, 'a.txt'), 'x');
      expect(checkedFixture(folder, ['a.txt'])).toBe(path.join(folder, 'a.txt'));
      expect(() => checkedFixture(folder, ['articles', 'b.txt'])).toThrow(`${path.join('articles', 'b.txt')} is missing from the shared test material folder ${folder}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is present where the tests run (the README says what npm test needs beside the clone)', () => {
    expect(readdirSync(SHARED_FIXTURES)).toEqual(expect.arrayContaining(['articles', 'readability-pages', 'annotations', 'web-annotation']));
  });

  it('is named by no test, bench or script but testPaths.ts', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && !full.endsWith(path.join('tests', 'unit', 'testPaths.ts')) && full !== import.meta.filename) {
          const code = readFileSync(full, 'utf8')
            .split('\n')
            .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
            .join('\n');
          if (/shared\/fixtures|'shared',\s*'fixtures'|\/work\//.test(code)) offenders.push(path.relative(REPO, full));
        }
      }
    };
    for (const top of ['tests', 'scripts', 'bin', '.ci']) walk(path.join(REPO, top));
    expect(offenders).toEqual([]);
  });
});
