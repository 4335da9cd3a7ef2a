/**
 * The suggestion model (its weights are most of a megabyte) is loaded only when suggestions are turned
 * on: nothing the renderer imports statically reaches it, and one dynamic import does.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../testPaths';
import { dynamicTargets, staticGraph } from '../importGraph';

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
    expect(dynamicTargets(graph)).toContain(model);
  });
});
