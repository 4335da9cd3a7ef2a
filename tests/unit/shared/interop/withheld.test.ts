/** The "withheld for source safety" flag: set and cleared by editSource, undone exactly, kept out of exports. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportToFile, type PdfPrinter } from '../../../../electron/services/interop/exportProject';
import { renderExport } from '../../../../shared/interop';
import { invert } from '../../../../shared/operations';
import type { Operation } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { apply } from '../../../../shared/operations';
import { loadSample } from './helpers';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

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
    const reloaded = parseProjectFile(serializeProject(withheld), sha256Hex);
    expect(reloaded.ok && reloaded.project.sources[0]!.withheld).toBe(true);
  });

  /** The sample with its first source given fields found nowhere else, one excerpt citing it, and that source withheld or not. */
  function distinctive(withheldFlag: boolean) {
    const project = loadSample();
    // A source cited only by claims still open (an approved claim's sources are locked).
    const approved = new Set(project.claims.filter((c) => c.state === 'approved').map((c) => c.id));
    const source = project.sources.find((s) => {
      const links = project.links.filter((l) => l.sourceId === s.id);
      return links.length > 0 && links.every((l) => !approved.has(l.claimId));
    })!;
    const link = project.links.find((l) => l.sourceId === source.id)!;
    const fields = {
      url: 'https://informant.example.net/ledger-7731',
      title: 'Ledger of the quay informant 7731',
      publisher: 'Informant Press 7731',
      excerpt: 'Only the informant 7731 saw the ledger.',
    };
    let next = apply(project, { type: 'editSource', sourceId: source.id, changes: { url: fields.url, title: fields.title, publisher: fields.publisher } });
    next = apply(next, { type: 'editLink', linkId: link.id, changes: { excerpt: fields.excerpt } });
    if (withheldFlag) next = apply(next, { type: 'editSource', sourceId: source.id, changes: { withheld: true } });
    return { project: next, fields: Object.values(fields) };
  }

  it('a withheld source appears in no export: no URL, title, publisher or excerpt of it, in a format that shows it otherwise', () => {
    const shown = distinctive(false);
    const hidden = distinctive(true);
    for (const format of ['html', 'md', 'csv', 'w3c'] as const) {
      const visible = renderExport(shown.project, format, { url: 'https://checks.example.org/' }).text;
      // Not vacuous: the same source, not withheld, is in this format (its URL at least).
      expect(visible, format).toContain(shown.fields[0]);
      const { text } = renderExport(hidden.project, format, { url: 'https://checks.example.org/' });
      for (const field of hidden.fields) expect(text, `${format}: ${field}`).not.toContain(field);
      // The rest of the report is still there.
      expect(text.length, format).toBeGreaterThan(0);
    }
  });

  it('ClaimReview carries no source at all, withheld or not', () => {
    for (const withheldFlag of [false, true]) {
      const { project, fields } = distinctive(withheldFlag);
      const { text } = renderExport(project, 'claimreview', { url: 'https://checks.example.org/' });
      for (const source of project.sources) if (source.url) expect(text).not.toContain(source.url);
      for (const field of fields) expect(text).not.toContain(field);
    }
  });

  it('the PDF report is printed from HTML that has none of a withheld source', async () => {
    const printed: string[] = [];
    const printer: PdfPrinter = async (html, file) => {
      printed.push(html);
      await fs.writeFile(file, '%PDF-1.7 stand-in');
    };
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'withheld-pdf-'));
    try {
      await exportToFile(distinctive(false).project, 'pdf', path.join(dir, 'shown.pdf'), {}, printer);
      const hidden = distinctive(true);
      await exportToFile(hidden.project, 'pdf', path.join(dir, 'hidden.pdf'), {}, printer);
      expect(printed[0]).toContain(hidden.fields[1]);
      for (const field of hidden.fields) expect(printed[1]).not.toContain(field);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
