/**
 * The suggestion model (its weights are most of a megabyte) is loaded only when suggestions are turned
 * on: nothing the renderer imports statically reaches it, and one dynamic import does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../testPaths';

const STATIC_IMPORT = /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && path.extname(candidate)) return candidate;
  }
  return null;
}

/** Every local file reached from `entry` through static imports (type-only imports included: they are erased, so this over-approximates). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = resolveLocal(file, match[1] ?? match[2]);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe('the suggestion model is a lazily loaded chunk', () => {
  const entry = path.join(REPO, 'renderer/src/main.tsx');
  const model = path.join(REPO, 'shared/suggestions/index.ts');
  const weights = path.join(REPO, 'shared/suggestions/weights.json');
  const graph = staticGraph(entry);

  it('the renderer reaches the suggestion UI statically but never the model or its weights', () => {
    expect(graph.has(path.join(REPO, 'renderer/src/suggestions/useSuggestions.ts'))).toBe(true);
    expect(graph.has(model)).toBe(false);
    expect(graph.has(weights)).toBe(false);
  });

  it('a dynamic import in the renderer loads the model', () => {
    const dynamic = [...graph]
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => resolveLocal(file, m[1])));
    expect(dynamic).toContain(model);
  });
});
