/** The export calls of the contract, through createWorkbench, and the Electron printToPDF glue (with a fake window). */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronPdfPrinter, PRINT_WINDOW_OPTIONS } from '../../../../../electron/main/printPdf';
import { dispatchCall } from '../../../../../shared/api';
import { loadSample } from '../../../shared/interop/helpers';
import { openSample } from './openSample';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('export calls', () => {
  it('previewReport returns the self-contained HTML report of the open project', async () => {
    const { workbench } = await openSample();
    const preview = await workbench.previewReport({});
    const sample = loadSample();
    expect(preview.claims).toBe(sample.claims.length);
    expect(preview.html).toMatch(/^<!DOCTYPE html>/);
    expect(preview.html).not.toMatch(/<script/i);
    expect((await workbench.previewReport({ approvedOnly: true })).claims).toBe(sample.claims.filter((c) => c.state === 'approved').length);
  });

  it('exportProject writes beside the project by default, or to a typed path', async () => {
    const { workbench, dir } = await openSample();
    const html = await workbench.exportProject({ format: 'html' });
    expect(html.path).toBe(path.join(dir, 'sample-kessner-valley-floods.html'));
    expect(readFileSync(html.path, 'utf8')).toContain('<mark class="claim');
    const cr = await workbench.exportProject({ format: 'claimreview', path: 'out/reviews.json' });
    expect(cr.path).toBe(path.join(dir, 'out', 'reviews.json'));
    expect(cr.warnings.some((w) => w.includes('no fact-check URL'))).toBe(true);
    // The window's warnings point to the window, never to a command-line flag.
    expect(cr.warnings.join('\n')).not.toMatch(/--|pass /);
    const withUrl = await workbench.exportProject({ format: 'claimreview', path: 'out/reviews.json', url: 'https://checks.example.org/k' });
    expect(withUrl.warnings.some((w) => w.includes('no fact-check URL'))).toBe(false);
    expect(withUrl.warnings.some((w) => w.includes('No organisation'))).toBe(true);
    const withOrg = await workbench.exportProject({ format: 'claimreview', path: 'out/reviews.json', organisation: 'Northline Checks' });
    expect(withOrg.warnings.some((w) => w.includes('No organisation'))).toBe(false);
    expect(JSON.parse(readFileSync(withOrg.path, 'utf8'))[0].author).toEqual({ '@type': 'Organization', name: 'Northline Checks' });
  });

  it('refuses to overwrite the project file and validates the format', async () => {
    const { workbench, projectFile } = await openSample();
    await expect(workbench.exportProject({ format: 'md', path: projectFile })).rejects.toThrow(/overwrite the project file/);
    const reply = await dispatchCall(workbench, 'exportProject', { format: 'docx' });
    expect(reply.ok).toBe(false);
  });

  it('prints PDF through the injected printer (Electron printToPDF in the app)', async () => {
    const printPdf = vi.fn(async (html: string, file: string) => fs.writeFile(file, `%PDF-fake ${html.length}`));
    const { workbench } = await openSample({ exports: { printPdf } });
    const result = await workbench.exportProject({ format: 'pdf' });
    expect(printPdf).toHaveBeenCalledOnce();
    expect(printPdf.mock.calls[0]![0]).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(result.path, 'utf8')).toMatch(/^%PDF-fake/);
  });

  it('showInFolder reveals only files exported in this session; browser mode returns the path', async () => {
    const shown: string[] = [];
    const { workbench, projectFile } = await openSample({ exports: { showItemInFolder: (f) => shown.push(f) } });
    await expect(workbench.showInFolder({ path: projectFile })).rejects.toThrow(/Only a file exported/);
    const { path: file } = await workbench.exportProject({ format: 'csv' });
    expect(await workbench.showInFolder({ path: file })).toEqual({ shown: true, path: file });
    expect(shown).toEqual([file]);

    const browser = await openSample();
    const exported = await browser.workbench.exportProject({ format: 'md' });
    expect(await browser.workbench.showInFolder({ path: exported.path })).toEqual({ shown: false, path: exported.path });
  });
});

describe('Electron printToPDF glue', () => {
  it('loads the report in a hidden sandboxed window with JavaScript off, prints, and destroys the window', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-print-'));
    cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
    const calls: string[] = [];
    let options: unknown;
    class FakeWindow {
      webContents = {
        printToPDF: async (o: { printBackground?: boolean }) => {
          calls.push(`print background=${o.printBackground}`);
          return Buffer.from('%PDF-1.7 fake');
        },
      };
      constructor(o: unknown) {
        options = o;
      }
      async loadURL(url: string) {
        calls.push(`load ${Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')}`);
      }
      destroy() {
        calls.push('destroy');
      }
    }
    const print = createElectronPdfPrinter(FakeWindow as never);
    const out = path.join(dir, 'r.pdf');
    await print('<!DOCTYPE html><p>hi</p>', out);
    expect(options).toEqual(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences?.javascript).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences?.sandbox).toBe(true);
    expect(calls).toEqual(['load <!DOCTYPE html><p>hi</p>', 'print background=true', 'destroy']);
    expect(existsSync(out)).toBe(true);
  });
});
