/**
 * The layer rules (README, Architecture), checked by reading every import:
 *   renderer -> shared;  electron/main, electron/cli -> electron/services -> shared;  preload -> shared.
 * shared/ is pure (zod and a few pure libraries, no Node, no DOM, no Electron, no React); inside it,
 * each folder imports only the folders it builds on (operations sit at the core, interop at the
 * edge); services never touch Electron and their folders never import the workbench that composes
 * them; the renderer never reaches Node or the electron/ folder; nothing imports tests/.
 * Every rule is also run on a wrong arrow of its own, so none can pass by finding nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const LAYERS = ['shared', 'electron', 'renderer'];
/** Pure-JS libraries (no Node, no DOM) that shared/ may import besides zod. */
const SHARED_PURE_LIBS: string[] = ['minisearch', 'diff-match-patch', 'stemmer'];

/**
 * What each folder of shared/ may import from the rest of shared/ (besides itself). A new folder
 * must be added here, with the folders it builds on.
 */
const SHARED_FOLDER_IMPORTS: Record<string, string[]> = {
  'shared/operations': ['shared/model', 'shared/limits', 'shared/labels', 'shared/workflow/steps', 'shared/articles'],
  'shared/articles': ['shared/model'],
  'shared/anchoring': ['shared/model', 'shared/claims', 'shared/operations', 'shared/articles'],
  'shared/scales': ['shared/model', 'shared/operations'],
  'shared/workflow': ['shared/model', 'shared/operations', 'shared/history', 'shared/claims', 'shared/anchoring', 'shared/labels', 'shared/sharedStart'],
  'shared/captures': ['shared/model', 'shared/urlCheck'],
  'shared/sync': ['shared/model', 'shared/operations', 'shared/history', 'shared/workflow', 'shared/sharedStart'],
  'shared/suggestions': [],
  'shared/archive': ['shared/model', 'shared/claims', 'shared/operations', 'shared/urlCheck', 'shared/boundedMemo'],
  'shared/interop': ['shared/model', 'shared/limits', 'shared/captures', 'shared/operations', 'shared/claims', 'shared/labels', 'shared/anchoring', 'shared/articles', 'shared/urlCheck', 'shared/workflow'],
};

/** The folders of electron/services; each is composed by workbench.ts and never imports it. */
const SERVICE_FOLDERS = ['electron/services/attachments', 'electron/services/intake', 'electron/services/interop', 'electron/services/capture', 'electron/services/sync', 'electron/services/archive'];

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

function subfolders(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${folder}/${entry.name}`)
    .sort();
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
function target(file: Pick<SourceFile, 'path'>, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(file.path), spec)).split(sep).join('/');
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]!);
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');
const under = (path: string, ...folders: string[]) => folders.some((f) => path === f || path.startsWith(f + '/'));

type Rule = (file: Pick<SourceFile, 'path'>, spec: string, to: string | null) => string | null;

const RULES: Record<string, { layer: string; rule: Rule; wrong: [file: string, spec: string] }> = {
  'shared/ imports only zod, a few pure libraries and other shared/ files': {
    layer: 'shared',
    rule: (_file, spec, to) => {
      if (to === null) return spec === 'zod' || spec.startsWith('zod/') || SHARED_PURE_LIBS.includes(spec) ? null : 'shared/ may only import zod';
      return under(to, 'shared') ? null : 'shared/ may only import shared/';
    },
    wrong: ['shared/claims.ts', 'node:fs'],
  },
  'each folder of shared/ imports only the folders it builds on': {
    layer: 'shared',
    rule: (file, _spec, to) => {
      const folder = Object.keys(SHARED_FOLDER_IMPORTS).find((f) => under(file.path, f));
      if (!folder || !to || !under(to, 'shared') || under(to, folder)) return null;
      return under(to, ...SHARED_FOLDER_IMPORTS[folder]!) ? null : `${folder} may import only ${SHARED_FOLDER_IMPORTS[folder]!.join(', ')}`;
    },
    wrong: ['shared/operations/content.ts', '../interop/csv'],
  },
  'only shared/api.ts and shared/interop import shared/interop (the exports and importers sit at the edge)': {
    layer: 'shared',
    rule: (file, _spec, to) => (to && under(to, 'shared/interop') && !under(file.path, 'shared/interop', 'shared/api.ts') ? 'the domain does not depend on interop' : null),
    wrong: ['shared/history.ts', './interop/reportData'],
  },
  'electron/services never imports electron, the other electron folders or the renderer': {
    layer: 'electron/services',
    rule: (_file, spec, to) => {
      if (isElectron(spec)) return 'services must run in plain Node';
      if (to && under(to, 'electron/main', 'electron/preload', 'electron/cli', 'renderer')) return 'services may import only services and shared';
      return null;
    },
    wrong: ['electron/services/workbench.ts', '../main/dialogs'],
  },
  'the folders of electron/services never import the workbench that composes them': {
    layer: 'electron/services',
    rule: (file, _spec, to) => (to === 'electron/services/workbench' && under(file.path, ...SERVICE_FOLDERS) ? 'workbench.ts composes the services; they do not call it' : null),
    wrong: ['electron/services/intake/importArticle.ts', '../workbench'],
  },
  'electron/main imports only services, shared and its own folder': {
    layer: 'electron/main',
    rule: (_file, _spec, to) => (to && !under(to, 'electron/main', 'electron/services', 'shared') ? 'electron/main may import only services and shared' : null),
    wrong: ['electron/main/index.ts', '../cli/serveCommand'],
  },
  'electron/cli imports only services, shared and its own folder, and never electron': {
    layer: 'electron/cli',
    rule: (_file, spec, to) => {
      if (isElectron(spec)) return 'the CLI runs in plain Node';
      if (to && !under(to, 'electron/cli', 'electron/services', 'shared')) return 'electron/cli may import only services and shared';
      return null;
    },
    wrong: ['electron/cli/index.ts', '../main/menu'],
  },
  'electron/preload imports only electron, shared and its own folder': {
    layer: 'electron/preload',
    rule: (_file, spec, to) => {
      if (to === null) return isElectron(spec) ? null : 'the sandboxed preload may import only electron and shared';
      return under(to, 'electron/preload', 'shared') ? null : 'the preload may import only shared';
    },
    wrong: ['electron/preload/index.ts', '../services/settings'],
  },
  'the renderer never imports electron, Node built-ins or the electron/ folder': {
    layer: 'renderer',
    rule: (_file, spec, to) => {
      if (isElectron(spec)) return 'the renderer talks only through window.workbench';
      if (isNodeBuiltin(spec)) return 'no Node in the renderer';
      if (to && !under(to, 'renderer', 'shared')) return 'the renderer may import only renderer/ and shared/';
      return null;
    },
    wrong: ['renderer/src/app/App.tsx', '../../../electron/services/workbench'],
  },
  'nothing imports tests/': {
    layer: '',
    rule: (_file, _spec, to) => (to && under(to, 'tests') ? 'tests are not part of the app' : null),
    wrong: ['shared/api.ts', '../tests/unit/loadable'],
  },
};

function violations(layer: string, rule: Rule): string[] {
  const found: string[] = [];
  for (const file of files.filter((f) => !layer || under(f.path, layer))) {
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

  it('knows every folder of shared/ and electron/services (a new folder needs its rule)', () => {
    expect(subfolders('shared')).toEqual(Object.keys(SHARED_FOLDER_IMPORTS).sort());
    expect(subfolders('electron/services')).toEqual([...SERVICE_FOLDERS].sort());
    for (const folder of [...Object.keys(SHARED_FOLDER_IMPORTS), ...SERVICE_FOLDERS]) {
      expect(files.some((f) => under(f.path, folder)), `${folder} has sources`).toBe(true);
    }
  });

  it.each(Object.entries(RULES))('%s', (_name, { layer, rule, wrong: [path, spec] }) => {
    // The rule catches a wrong arrow of its own …
    expect(rule({ path }, spec, target({ path }, spec))).not.toBeNull();
    // … and finds none in the code.
    expect(violations(layer, rule)).toEqual([]);
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

  it('no source in shared/ or electron/ cites a tracker issue or a path outside the repository', () => {
    const found: string[] = [];
    for (const file of files.filter((f) => under(f.path, 'shared', 'electron'))) {
      if (/\(issue \d+|\bissue \d+\b/.test(file.code)) found.push(`${file.path}: cites an issue`);
      if (/\/work\/|\.\.\/shared\/fixtures/.test(file.code)) found.push(`${file.path}: names a path outside the repository`);
    }
    expect(found).toEqual([]);
  });
});
