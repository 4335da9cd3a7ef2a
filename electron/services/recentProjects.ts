/**
 * The recent-projects list, in `<dataDir>/recent.json`: newest first, at most 10, one entry per path.
 * Entries whose file no longer exists are dropped when the list is read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api';
import { DurableJsonFile, jsonCodec } from './durableJsonFile';
import { withFileQueue } from './fileQueue';

export const MAX_RECENT = 10;

const RecentSchema = z.array(z.object({ path: z.string().min(1), title: z.string(), openedAt: z.string() }));

export class RecentProjects {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent.json');
  }

  private adapter(): DurableJsonFile<RecentProject[]> {
    return new DurableJsonFile(this.file, jsonCodec((value) => RecentSchema.parse(value)));
  }

  private async readAll(adapter: DurableJsonFile<RecentProject[]>): Promise<RecentProject[]> {
    try {
      return (await adapter.read()) ?? [];
    } catch {
      return [];
    }
  }

  /** The list, newest first, without entries whose file is gone (those are forgotten). */
  async list(): Promise<RecentProject[]> {
    return withFileQueue(this.file, async () => {
      const adapter = this.adapter();
      const all = await this.readAll(adapter);
      const present: RecentProject[] = [];
      for (const entry of all) {
        if (await isFile(entry.path)) present.push(entry);
      }
      if (present.length !== all.length) await adapter.write(present);
      return present;
    });
  }

  /** The list as stored, without checking or forgetting anything (for readers that must not write). */
  async peek(): Promise<RecentProject[]> {
    return withFileQueue(this.file, () => this.readAll(this.adapter()));
  }

  /** Puts a project at the top of the list (replacing an older entry for the same path). */
  async add(entry: { path: string; title: string; openedAt?: string }): Promise<RecentProject[]> {
    return withFileQueue(this.file, async () => {
      const adapter = this.adapter();
      const resolved = path.resolve(entry.path);
      const item: RecentProject = { path: resolved, title: entry.title, openedAt: entry.openedAt ?? new Date().toISOString() };
      const rest = (await this.readAll(adapter)).filter((e) => path.resolve(e.path) !== resolved);
      const next = [item, ...rest].slice(0, MAX_RECENT);
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await adapter.write(next);
      return next;
    });
  }

  /** Forgets a path (e.g. after it turned out not to be a project). */
  async remove(projectPath: string): Promise<void> {
    await withFileQueue(this.file, async () => {
      const adapter = this.adapter();
      const resolved = path.resolve(projectPath);
      const all = await this.readAll(adapter);
      const next = all.filter((e) => path.resolve(e.path) !== resolved);
      if (next.length !== all.length) await adapter.write(next);
    });
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
