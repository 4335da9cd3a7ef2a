import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentProjects } from '../../../../electron/services/recentProjects';
import { ensureSampleProject, SAMPLE_FILE_NAME } from '../../../../electron/services/sampleProject';
import { SettingsStore } from '../../../../electron/services/settings';
import { exists, tempDir, withBundledSample } from './helpers';

describe('settings', () => {
  it('has no name until one is given (never the OS account) and the checker role, and persists updates', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const settings = new SettingsStore(dataDir);
    const look = { theme: 'system', textSize: 100 };
    expect(await settings.get()).toEqual({ userName: '', role: 'checker', ...look });
    expect(os.userInfo().username).not.toBe('');

    expect(await settings.updateSettings({ userName: '  Ana  ' })).toEqual({ userName: 'Ana', role: 'checker', ...look });
    expect(await settings.updateSettings({ role: 'editor' })).toEqual({ userName: 'Ana', role: 'editor', ...look });
    expect(await new SettingsStore(dataDir).get()).toEqual({ userName: 'Ana', role: 'editor', ...look });
  });

  it('keeps the theme and text size, and an unknown value falls back without losing the rest', async () => {
    const dataDir = await tempDir();
    const settings = new SettingsStore(dataDir);
    expect(await settings.updateSettings({ userName: 'Ana', theme: 'dark', textSize: 125 })).toMatchObject({ theme: 'dark', textSize: 125 });
    expect(await new SettingsStore(dataDir).get()).toEqual({ userName: 'Ana', role: 'checker', theme: 'dark', textSize: 125 });
    const file = path.join(dataDir, 'settings.json');
    await fs.writeFile(file, JSON.stringify({ userName: 'Ana', theme: 'sepia', textSize: 900 }));
    expect(await new SettingsStore(dataDir).get()).toEqual({ userName: 'Ana', role: 'checker', theme: 'system', textSize: 100 });
  });

  it('falls back to defaults when the file is damaged', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, 'settings.json'), '{ nope');
    expect(await new SettingsStore(dataDir).get()).toEqual({ userName: '', role: 'checker', theme: 'system', textSize: 100 });
  });

  it('keeps concurrent updates from one process', async () => {
    const dataDir = await tempDir();
    const a = new SettingsStore(dataDir);
    const b = new SettingsStore(dataDir);
    await Promise.all([a.update({ userName: 'Ana' }), b.update({ sampleOffered: true }), a.update({ role: 'editor' })]);
    expect(await a.readStored()).toEqual({ userName: 'Ana', sampleOffered: true, role: 'editor' });
  });
});

describe('recent projects', () => {
  it('keeps at most 10, newest first, one per path, and drops missing files when listed', async () => {
    const dir = await tempDir();
    const recent = new RecentProjects(dir);
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `p${i}.factcheck.json`);
      await fs.writeFile(file, '{}');
      files.push(file);
      await recent.add({ path: file, title: `P${i}`, openedAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z` });
    }
    await recent.add({ path: files[5], title: 'P5 again' });
    let list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toMatchObject({ path: files[5], title: 'P5 again' });
    expect(list.filter((e) => e.path === files[5])).toHaveLength(1);
    expect(list.map((e) => e.title).slice(1, 4)).toEqual(['P11', 'P10', 'P9']);

    await fs.rm(files[11]);
    list = await recent.list();
    expect(list.map((e) => e.path)).not.toContain(files[11]);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'recent.json'), 'utf8'))).toHaveLength(list.length);
  });
});

describe('sample project', () => {
  it('is copied into the projects folder once, and not again after the user deletes it', async () => {
    const { dataDir, resourcesDir, sampleText: text } = await withBundledSample();

    const copied = await ensureSampleProject(dataDir, resourcesDir);
    expect(copied).toBe(path.join(dataDir, 'projects', SAMPLE_FILE_NAME));
    expect(await fs.readFile(copied!, 'utf8')).toBe(text);

    expect(await ensureSampleProject(dataDir, resourcesDir)).toBeNull();
    await fs.rm(copied!);
    expect(await ensureSampleProject(dataDir, resourcesDir)).toBeNull();
    expect(await exists(copied!)).toBe(false);
  });

  it('does nothing when no sample is bundled', async () => {
    const root = await tempDir();
    expect(await ensureSampleProject(path.join(root, 'data'), path.join(root, 'none'))).toBeNull();
  });
});
