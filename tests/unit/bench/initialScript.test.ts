/**
 * The bundle bench's measure of the initial script: the entry and what it imports statically,
 * followed through chunks; chunks reached only through import() are lazy.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureScripts, staticImportsOf } from '../../bench/bundle/initialScript';

const dir = mkdtempSync(path.join(os.tmpdir(), 'initial-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('measureScripts', () => {
  it('reads static imports (minified or not) but not import()', () => {
    const code = 'import { a as b } from "./shared-1.js";\nimport{c}from"./shared-2.js";import "./side.js";\nconst x = () => import("./lazy.js");';
    expect(staticImportsOf(code, 'assets/index.js')).toEqual(['assets/shared-1.js', 'assets/shared-2.js', 'assets/side.js']);
  });

  it('counts the entry, its modulepreloads and their static imports as initial, the rest as lazy', () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<script type="module" crossorigin src="./assets/index.js"></script><link rel="modulepreload" crossorigin href="./assets/pre.js">',
    );
    writeFileSync(path.join(dir, 'assets/index.js'), 'import { x } from "./shared.js";\nconst panel = () => import("./panel.js");\n');
    writeFileSync(path.join(dir, 'assets/pre.js'), 'export const pre = 1;\n');
    writeFileSync(path.join(dir, 'assets/shared.js'), 'export const x = 1;\n');
    writeFileSync(path.join(dir, 'assets/panel.js'), 'import { x } from "./shared.js";\nimport { y } from "./panelOnly.js";\n');
    writeFileSync(path.join(dir, 'assets/panelOnly.js'), 'export const y = 2;\n');
    const sizes = measureScripts(dir);
    expect(sizes.initial.map((c) => c.file).sort()).toEqual(['assets/index.js', 'assets/pre.js', 'assets/shared.js']);
    expect(sizes.lazy.map((c) => c.file).sort()).toEqual(['assets/panel.js', 'assets/panelOnly.js']);
    expect(sizes.initial.every((c) => c.gzip > 0 && c.bytes > 0)).toBe(true);
  });
});
