/**
 * The user's settings, in `<dataDir>/settings.json` (written through DurableJsonFile). Read fresh on
 * every call, so several holders in one process stay consistent; a missing or damaged file gives the
 * defaults: no name (the window asks for one before the first change) and the role 'checker'. The
 * OS account's name is never used: it is not who checked the claim.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../shared/api';
import { RoleSchema } from '../../shared/workflow/roles';
import { NORMAL_TEXT_SIZE, TextSizeSchema, ThemeSchema } from '../../shared/appearance';
import { DurableJsonFile, jsonCodec } from './durableJsonFile';
import { withFileQueue } from './fileQueue';

const StoredSettingsSchema = z.object({
  userName: z.string().max(200).optional(),
  role: RoleSchema.optional(),
  /** Appearance; an invalid value falls back to the default rather than failing the whole file. */
  theme: ThemeSchema.optional().catch(undefined),
  textSize: TextSizeSchema.optional().catch(undefined),
  /** Set once the sample project has been copied, so deleting it does not bring it back. */
  sampleOffered: z.boolean().optional(),
  /** Capture limits and the Save Page Now service (see capture/captureSettings.ts); invalid values fall back to defaults. */
  capture: z
    .object({
      limits: z.record(z.string(), z.unknown()).optional(),
      waybackEndpoint: z.string().max(2000).optional(),
      waybackAccessKey: z.string().max(500).optional(),
      waybackSecretKey: z.string().max(500).optional(),
    })
    .optional(),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

export class SettingsStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  private adapter(): DurableJsonFile<StoredSettings> {
    return new DurableJsonFile(this.file, jsonCodec((value) => StoredSettingsSchema.parse(value)));
  }

  /** The stored settings; {} when the file is missing or damaged. */
  async readStored(): Promise<StoredSettings> {
    try {
      return (await this.adapter().read()) ?? {};
    } catch {
      return {};
    }
  }

  async get(): Promise<Settings> {
    return toSettings(await this.readStored());
  }

  /** Merges `patch` into the stored settings and writes them; returns the result. */
  async update(patch: Partial<StoredSettings>): Promise<StoredSettings> {
    return withFileQueue(this.file, async () => {
      const adapter = this.adapter();
      let current: StoredSettings = {};
      try {
        current = (await adapter.read()) ?? {};
      } catch {
        current = {};
      }
      const next: StoredSettings = { ...current };
      for (const [key, value] of Object.entries(patch) as [keyof StoredSettings, unknown][]) {
        if (value !== undefined) (next as Record<string, unknown>)[key] = value;
      }
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await adapter.write(StoredSettingsSchema.parse(next));
      return next;
    });
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const userName = patch.userName?.trim();
    return toSettings(await this.update({ userName: userName ? userName : undefined, role: patch.role, theme: patch.theme, textSize: patch.textSize }));
  }
}

function toSettings(stored: StoredSettings): Settings {
  return {
    userName: stored.userName?.trim() ?? '',
    role: stored.role ?? 'checker',
    theme: stored.theme ?? 'system',
    textSize: stored.textSize ?? NORMAL_TEXT_SIZE,
  };
}
