/**
 * The renderer's import graph read from its sources: which local files an entry reaches through
 * static imports, which packages those import, and the dynamic import() targets among them. Checks
 * that a chunk stays lazy without building the app.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const STATIC_IMPORT = /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g;
export const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate)) return candidate;
  }
  return null;
}

const staticSpecs = (file: string) => [...readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)].map((match) => (match[1] ?? match[2])!);

/** Every local file reached from `entry` through static imports (type-only imports included: they are erased, so this over-approximates). */
export function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const spec of staticSpecs(file)) {
      const target = resolveLocal(file, spec);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/** The packages the files of a graph import statically ("react-markdown", "@tanstack/react-virtual"). */
export function staticPackages(graph: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const file of graph) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const spec of staticSpecs(file)) {
      if (spec.startsWith('.')) continue;
      packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return packages;
}

/** The local files the files of a graph load through import(). */
export function dynamicTargets(graph: Iterable<string>): string[] {
  return [...graph]
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)].map((match) => resolveLocal(file, match[1]!)))
    .filter((file): file is string => file !== null);
}
