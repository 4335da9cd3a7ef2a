/**
 * The renderer reaches the workbench API and the project session through React context: only the
 * entry (main.tsx) connects to `window.workbench` and makes a session; no module holds one of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const RENDERER = join(ROOT, 'renderer', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Code without comments, so a comment that names `window.workbench` does not count. */
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const files = sources(RENDERER).map((file) => ({ path: relative(ROOT, file).split(sep).join('/'), code: code(file) }));
const where = (pattern: RegExp) => files.filter((file) => pattern.test(file.code)).map((file) => file.path);

describe('the renderer gets the API and the session from context', () => {
  it('reads the renderer sources (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((file) => file.path)).toContain('renderer/src/main.tsx');
  });

  it('only connectWorkbench reads window.workbench', () => {
    expect(where(/window\s*\.\s*workbench\b|window\s*\[\s*['"]workbench['"]\s*\]/)).toEqual(['renderer/src/platform/connectWorkbench.ts']);
  });

  it('only main.tsx makes a ProjectSession, and no module exports one', () => {
    expect(where(/new\s+ProjectSession\s*\(/)).toEqual(['renderer/src/main.tsx']);
    expect(where(/export\s+(?:const|let|var)\s+\w+\s*(?::[^=]+)?=\s*new\s+ProjectSession\b/)).toEqual([]);
  });
});
