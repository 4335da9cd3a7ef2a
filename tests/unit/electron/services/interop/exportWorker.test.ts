/**
 * Exports and the preview render in a worker thread, so the workbench keeps answering calls —
 * saves included — while a large report renders. Proven by order, not by time: the worker is held
 * at a gate, and a change is applied and saved before the preview is let through.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportRunner } from '../../../../../electron/services/interop/exportRunner';
import { renderMarkdownReport } from '../../../../../shared/interop/markdownReport';
import { parseProjectFile } from '../../../../../shared/projectFile';
import { loadSample, REPO } from '../../../shared/interop/helpers';
import { openSample } from './openSample';
import { sha256Hex } from '../../../../../electron/services/intake/sha256';

/** The worker as the desktop app's build bundles it (electron.vite.config.ts). */
const BUILT_WORKER = path.join(REPO, 'out', 'main', 'exportWorker.js');
if (!existsSync(BUILT_WORKER)) console.log(`Skipping the built export worker: ${BUILT_WORKER} is not built (npm run build).`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('exports off the thread that answers calls', () => {
  it('a change is applied and saved while the preview is still rendering', async () => {
    const gate = path.join(os.tmpdir(), `factcheck-export-gate-${process.pid}-${Date.now()}`);
    process.env.FACTCHECK_TEST_EXPORT_GATE = gate;
    cleanups.push(async () => {
      delete process.env.FACTCHECK_TEST_EXPORT_GATE;
      await fs.rm(gate, { force: true });
    });
    const { workbench, projectFile, project } = await openSample(
      { exports: { worker: { file: path.join(import.meta.dirname, 'gatedExportWorker.ts'), typescript: true } }, storeOptions: { debounceMs: 0, maxDelayMs: 0 } },
      'Export Tester',
    );

    const events: string[] = [];
    const preview = workbench.previewReport({}).then((result) => {
      events.push('preview');
      return result;
    });
    const { seq } = await workbench.applyChanges({
      projectId: project.id,
      baseSeq: project.history.length,
      changes: [{ kind: 'do', op: { type: 'renameProject', title: 'Renamed while the report renders' } }],
    });
    const status = await workbench.waitForSave({ seq });
    events.push(`saved ${status.state} ${status.savedSeq}`);
    const onDisk = parseProjectFile(readFileSync(projectFile, 'utf8'), sha256Hex);
    expect(onDisk.ok && onDisk.project.title).toBe('Renamed while the report renders');
    expect(events).toEqual([`saved saved ${seq}`]);

    await fs.writeFile(gate, '');
    const result = await preview;
    expect(events).toEqual([`saved saved ${seq}`, 'preview']);
    expect(result.html).toMatch(/^<!DOCTYPE html>/);
  });

  it('renders in the worker exactly what the renderers give', async () => {
    const { workbench, projectFile } = await openSample({}, 'Export Tester');
    const written = await workbench.exportProject({ format: 'md', path: 'out/report.md' });
    const parsed = parseProjectFile(readFileSync(projectFile, 'utf8'), sha256Hex);
    if (!parsed.ok) throw new Error(parsed.problem);
    const text = readFileSync(written.path, 'utf8');
    const generated = /Report generated (\S+)/.exec(text)![1]!;
    expect(text).toBe(renderMarkdownReport(parsed.project, { generatedAt: `${generated}T00:00:00.000Z` }));
  });

  it('an export worker that cannot start fails the call with a message', async () => {
    const { workbench } = await openSample({ exports: { worker: { file: path.join(os.tmpdir(), 'no-such-export-worker.js'), typescript: false } } }, 'Export Tester');
    await expect(workbench.previewReport({})).rejects.toThrow(/The export could not be made/);
  });

  it.skipIf(!existsSync(BUILT_WORKER))('the worker bundled for the desktop app renders the same report', async () => {
    const runner = createExportRunner({ file: BUILT_WORKER, typescript: false });
    cleanups.push(() => runner.close());
    const project = loadSample();
    const md = await runner.text(project, 'md', { generatedAt: '2026-03-20T12:00:00.000Z' });
    expect(md.text).toBe(renderMarkdownReport(project, { generatedAt: '2026-03-20T12:00:00.000Z' }));
  });
});
