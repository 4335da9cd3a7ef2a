/**
 * Where each project is shared to, per machine: `<dataDir>/sync/shares.json`, by project id — the
 * target, the user name, and the password and passphrase sealed by a SecretProtector. Nothing of it
 * goes into the project file (which travels by mail or USB stick).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SecretProtector } from './secretBox';

export interface ShareSettings {
  target: string;
  user?: string;
  password?: string;
  passphrase: string;
}

interface StoredShare {
  target: string;
  user?: string;
  password?: string;
  passphrase: string;
  protection: string;
}

export class ShareSettingsFile {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly protector: SecretProtector,
  ) {
    this.file = path.join(dataDir, 'sync', 'shares.json');
  }

  private async readAll(): Promise<Record<string, StoredShare>> {
    try {
      const value = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      return value && typeof value === 'object' ? (value as Record<string, StoredShare>) : {};
    } catch {
      return {};
    }
  }

  /** The project's share settings with the secrets opened, or null (none, or sealed by a key this machine no longer has). */
  async get(projectId: string): Promise<ShareSettings | null> {
    const stored = (await this.readAll())[projectId];
    if (!stored || typeof stored.target !== 'string' || typeof stored.passphrase !== 'string') return null;
    try {
      return {
        target: stored.target,
        ...(stored.user ? { user: stored.user } : {}),
        ...(stored.password ? { password: await this.protector.open(stored.password) } : {}),
        passphrase: await this.protector.open(stored.passphrase),
      };
    } catch {
      return null;
    }
  }

  async set(projectId: string, share: ShareSettings): Promise<void> {
    const stored: StoredShare = {
      target: share.target,
      ...(share.user ? { user: share.user } : {}),
      ...(share.password ? { password: await this.protector.seal(share.password) } : {}),
      passphrase: await this.protector.seal(share.passphrase),
      protection: this.protector.kind,
    };
    await this.update((all) => ({ ...all, [projectId]: stored }));
  }

  async remove(projectId: string): Promise<void> {
    await this.update((all) => {
      const { [projectId]: _gone, ...rest } = all;
      return rest;
    });
  }

  private update(change: (all: Record<string, StoredShare>) => Record<string, StoredShare>): Promise<void> {
    const run = this.writing.then(async () => {
      const next = change(await this.readAll());
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const temp = `${this.file}.tmp`;
      await fs.writeFile(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
      await fs.rename(temp, this.file);
    });
    this.writing = run.catch(() => undefined);
    return run;
  }
}
