import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../../shared/api';
import { importArticleFile } from '../../../../../electron/services/intake/importArticle';
import { importArticleInWorker, liveIntakeWorkers } from '../../../../../electron/services/intake/importInWorker';
import { generateLargePdf } from '../../../../support/largePdf';

const text = new TextEncoder().encode('A title\n\nOfficials said 40 boats were hit.\n\nObservers disputed the figure.');

describe('article intake in a worker thread', () => {
  it('reads a file exactly as the main-side pipeline does', async () => {
    const inWorker = await importArticleInWorker('report.txt', text);
    const direct = await importArticleFile('report.txt', text);
    expect({ ...inWorker, importedAt: '' }).toEqual({ ...direct, importedAt: '' });
    expect(liveIntakeWorkers()).toBe(0);
  });

  it('decodes the base64 text a window sends in the worker, to the same article', async () => {
    const fromText = await importArticleInWorker('report.txt', { base64: Buffer.from(text).toString('base64') });
    const direct = await importArticleFile('report.txt', text);
    expect({ ...fromText, importedAt: '' }).toEqual({ ...direct, importedAt: '' });
  });

  it('passes an import error to the caller with its code and message', async () => {
    const failure = await importArticleInWorker('notes.xyz', text).catch((error: unknown) => error);
    const direct = await importArticleFile('notes.xyz', text).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchError);
    expect((failure as WorkbenchError).code).toBe('unsupported-file');
    expect((failure as WorkbenchError).message).toBe((direct as Error).message);
  });

  it('stops a long PDF import on cancel: the call fails as cancelled and no worker is left', async () => {
    const pdf = await generateLargePdf(60);
    const controller = new AbortController();
    const running = importArticleInWorker('budget.pdf', pdf, controller.signal);
    expect(liveIntakeWorkers()).toBe(1);
    controller.abort();
    const failure = await running.catch((error: unknown) => error);
    expect((failure as WorkbenchError).code).toBe('cancelled');
    expect(liveIntakeWorkers()).toBe(0);
  });
});
