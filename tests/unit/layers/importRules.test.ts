/**
 * The layer rules of /work/shared/DESIGN.md, checked by reading every import:
 *   renderer -> shared;  electron/main, electron/cli -> electron/services -> shared;  preload -> shared.
 * shared/ is pure (zod only, no Node, no DOM, no Electron, no React); services never touch Electron;
 * the renderer never reaches Node or the electron/ folder; nothing imports tests/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const LAYERS = ['shared', 'electron', 'renderer'];
/** Pure-JS libraries (no Node, no DOM) that shared/ may import besides zod. */
const SHARED_PURE_LIBS: string[] = ['minisearch', 'diff-match-patch'];

interface SourceFile {
  /** Repo-relative, with forward slashes. */
  path: string;
  code: string;
  imports: string[];
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Removes comments, keeping strings (imports are strings). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

/** Removes comments and string/template literals, for identifier checks. */
function codeOnly(code: string): string {
  return stripComments(code).replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
}

/** Member access on the DOM global `name`, unless the file declares a local of that name. */
function usesDomGlobal(source: string, name: string): boolean {
  const code = codeOnly(source);
  const declared = new RegExp(`\\b(?:const|let|var|function)\\s+${name}\\b|[(,]\\s*${name}\\s*[:,)=]`).test(code);
  const used = new RegExp(`(?<![\\w$.])${name}\\s*(?:\\?\\.|[.\\[])|globalThis\\s*\\.\\s*${name}\\b`).test(code);
  return used && !declared;
}

function importsOf(code: string): string[] {
  const text = stripComments(code);
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) specs.push(m[1]!);
  return specs;
}

const files: SourceFile[] = LAYERS.flatMap((layer) => {
  let paths: string[] = [];
  try {
    paths = listSources(join(ROOT, layer));
  } catch {
    return [];
  }
  return paths.map((full) => {
    const code = readFileSync(full, 'utf8');
    return { path: relative(ROOT, full).split(sep).join('/'), code, imports: importsOf(code) };
  });
});

/** Repo-relative target of a relative import (extension-less), or null for a package import. */
function target(file: SourceFile, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(file.path), spec)).split(sep).join('/');
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]!);
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');
const under = (path: string, ...folders: string[]) => folders.some((f) => path === f || path.startsWith(f + '/'));

function violations(layer: string, rule: (file: SourceFile, spec: string, to: string | null) => string | null): string[] {
  const found: string[] = [];
  for (const file of files.filter((f) => under(f.path, layer))) {
    for (const spec of file.imports) {
      const problem = rule(file, spec, target(file, spec));
      if (problem) found.push(`${file.path}: '${spec}' — ${problem}`);
    }
  }
  return found;
}

describe('layer import rules', () => {
  it('finds the sources and their imports (the check is not vacuous)', () => {
    const api = files.find((f) => f.path === 'shared/api.ts');
    expect(api?.imports).toContain('zod');
    expect(files.filter((f) => under(f.path, 'electron/main')).length).toBeGreaterThan(0);
    expect(importsOf("import { a } from './a';\nexport * from '../b';\nimport type { C } from 'c';\nimport 'd';\nawait import('e');")).toEqual(
      ['./a', '../b', 'c', 'd', 'e'],
    );
  });

  it('shared/ imports only zod and other shared/ files', () => {
    expect(
      violations('shared', (_file, spec, to) => {
        if (to === null) return spec === 'zod' || spec.startsWith('zod/') || SHARED_PURE_LIBS.includes(spec) ? null : 'shared/ may only import zod';
        return under(to, 'shared') ? null : 'shared/ may only import shared/';
      }),
    ).toEqual([]);
  });

  it('shared/ uses no DOM globals (window, document)', () => {
    expect(usesDomGlobal('const n = document.body;', 'document')).toBe(true);
    expect(usesDomGlobal("globalThis.window?.alert('x')", 'window')).toBe(true);
    expect(usesDomGlobal('const window = text.slice(1); f(window);', 'window')).toBe(false);
    expect(usesDomGlobal("// window.open\nconst s = 'document.body';", 'document')).toBe(false);
    const found: string[] = [];
    for (const file of files.filter((f) => under(f.path, 'shared'))) {
      for (const name of ['window', 'document']) if (usesDomGlobal(file.code, name)) found.push(`${file.path}: uses ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('electron/services never imports electron, the other electron folders or the renderer', () => {
    expect(
      violations('electron/services', (_file, spec, to) => {
        if (isElectron(spec)) return 'services must run in plain Node';
        if (to && under(to, 'electron/main', 'electron/preload', 'electron/cli', 'renderer')) return 'services may import only services and shared';
        return null;
      }),
    ).toEqual([]);
  });

  it('electron/main and electron/cli import only services, shared and their own folder', () => {
    for (const layer of ['electron/main', 'electron/cli']) {
      expect(
        violations(layer, (_file, spec, to) => {
          if (layer === 'electron/cli' && isElectron(spec)) return 'the CLI runs in plain Node';
          if (to && !under(to, layer, 'electron/services', 'shared')) return `${layer} may import only services and shared`;
          return null;
        }),
      ).toEqual([]);
    }
  });

  it('electron/preload imports only electron, shared and its own folder', () => {
    expect(
      violations('electron/preload', (_file, spec, to) => {
        if (to === null) return isElectron(spec) ? null : 'the sandboxed preload may import only electron and shared';
        return under(to, 'electron/preload', 'shared') ? null : 'the preload may import only shared';
      }),
    ).toEqual([]);
  });

  it('the renderer never imports electron, Node built-ins or the electron/ folder', () => {
    expect(
      violations('renderer', (_file, spec, to) => {
        if (isElectron(spec)) return 'the renderer talks only through window.workbench';
        if (isNodeBuiltin(spec)) return 'no Node in the renderer';
        if (to && !under(to, 'renderer', 'shared')) return 'the renderer may import only renderer/ and shared/';
        return null;
      }),
    ).toEqual([]);
  });

  it('nothing imports tests/', () => {
    const found: string[] = [];
    for (const layer of LAYERS) found.push(...violations(layer, (_file, _spec, to) => (to && under(to, 'tests') ? 'tests are not part of the app' : null)));
    expect(found).toEqual([]);
  });
});
