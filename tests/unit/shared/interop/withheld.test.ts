/** The "withheld for source safety" flag: set and cleared by editSource, undone exactly, kept out of exports. */
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../shared/interop';
import { invert } from '../../../../shared/operations';
import type { Operation } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { apply } from '../../../../shared/operations';
import { loadSample } from './helpers';

describe('withheld sources', () => {
  it('editSource sets and clears the flag; undo restores the project exactly; the flag survives save and load', () => {
    const before = loadSample();
    const source = before.sources[0]!;
    const on: Operation = { type: 'editSource', sourceId: source.id, changes: { withheld: true } };
    const withheld = apply(before, on);
    expect(withheld.sources[0]!.withheld).toBe(true);
    expect(apply(withheld, invert(before, on))).toEqual(before);
    const off: Operation = { type: 'editSource', sourceId: source.id, changes: { withheld: false } };
    const cleared = apply(withheld, off);
    expect('withheld' in cleared.sources[0]!).toBe(false);
    expect(apply(cleared, invert(withheld, off))).toEqual(withheld);
    const reloaded = parseProjectFile(serializeProject(withheld));
    expect(reloaded.ok && reloaded.project.sources[0]!.withheld).toBe(true);
  });

  it('a withheld source appears in no export', () => {
    const project = loadSample();
    const source = project.sources[0]!;
    const withheld = apply(project, { type: 'editSource', sourceId: source.id, changes: { withheld: true } });
    for (const format of ['html', 'md', 'csv', 'claimreview', 'w3c'] as const) {
      const { text } = renderExport(withheld, format, { url: 'https://checks.example.org/' });
      expect(text, format).not.toContain(source.url);
      expect(renderExport(project, format, { url: 'https://checks.example.org/' }).text.includes(source.url) || format === 'claimreview', format).toBe(true);
    }
  });
});
