/** "Open archive": the stored WARC is revealed in the file manager where there is one, and only when its bytes match its hash. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCalls } from '../../../../../electron/services/capture/captureCalls';
import { storeAsset } from '../../../../../electron/services/capture/captureStore';
import { SettingsStore } from '../../../../../electron/services/settings';
import type { Project } from '../../../../../shared/operations';
import { emptyProject, tempDir } from '../helpers';
import { makeCapture } from './helpers';

async function setup(showItemInFolder?: (file: string) => void) {
  const root = await tempDir();
  const projectPath = path.join(root, 'floods.factcheck.json');
  const warc = await storeAsset(projectPath, 'warc', new TextEncoder().encode('WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n'));
  const capture = makeCapture('k1', { warc: { ...warc, records: 1 } });
  const project: Project = { ...emptyProject(), sources: [{ id: 's1', url: 'https://example.org/s1', title: '', publisher: '', accessedAt: '', captures: [capture] }] };
  const calls = captureCalls(() => ({ path: projectPath, project }), new SettingsStore(path.join(root, 'data')), '1.0.0', { showItemInFolder });
  return { calls, capture };
}

describe('showCaptureArchive', () => {
  it('reveals the WARC in the file manager of the desktop app', async () => {
    const shown: string[] = [];
    const { calls, capture } = await setup((file) => shown.push(file));
    const result = await calls.showCaptureArchive({ sourceId: 's1', captureId: capture.id });
    expect(result.shown).toBe(true);
    expect(shown).toEqual([result.path]);
    expect(path.basename(result.path)).toBe(`${capture.warc.sha256}.warc`);
    expect((await fs.readFile(result.path, 'latin1')).startsWith('WARC/1.1')).toBe(true);
  });

  it('gives the path where there is no file manager, and refuses a damaged archive or an unknown capture', async () => {
    const { calls, capture } = await setup();
    const result = await calls.showCaptureArchive({ sourceId: 's1', captureId: capture.id });
    expect(result.shown).toBe(false);
    await fs.writeFile(result.path, 'changed');
    await expect(calls.showCaptureArchive({ sourceId: 's1', captureId: capture.id })).rejects.toThrow(/is damaged/);
    await expect(calls.showCaptureArchive({ sourceId: 's1', captureId: 'nope' })).rejects.toThrow(/No capture "nope"/);
  });
});
