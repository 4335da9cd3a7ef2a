/**
 * What the built renderer loads before its first paint: the entry script of out/renderer/index.html
 * (and any modulepreload link) plus every chunk those import statically, followed transitively.
 * Chunks reached only through import() are lazy and not counted. Sizes are gzip (zlib, level 9).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface ScriptSizes {
  initial: ChunkSize[];
  lazy: ChunkSize[];
}

const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;
const ENTRY_SCRIPT = /<script[^>]*type="module"[^>]*src="([^"]+)"/g;
const MODULE_PRELOAD = /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g;

function sizeOf(dir: string, file: string): ChunkSize {
  const text = readFileSync(join(dir, file));
  return { file, bytes: text.length, gzip: gzipSync(text, { level: 9 }).length };
}

/** Files are given relative to the renderer folder ("assets/index-….js"). */
export function staticImportsOf(code: string, from: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((m) => posix.normalize(posix.join(posix.dirname(from), m[1]!)));
}

export function measureScripts(rendererDir: string): ScriptSizes {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const roots = [...html.matchAll(ENTRY_SCRIPT), ...html.matchAll(MODULE_PRELOAD)].map((m) => posix.normalize(m[1]!.replace(/^\.\//, '')));
  if (roots.length === 0) throw new Error(`No module script in ${join(rendererDir, 'index.html')}`);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImportsOf(readFileSync(join(rendererDir, file), 'utf8'), file));
  }
  const all = readdirSync(join(rendererDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  return {
    initial: [...seen].map((file) => sizeOf(rendererDir, file)),
    lazy: all.filter((file) => !seen.has(file)).map((file) => sizeOf(rendererDir, file)),
  };
}
