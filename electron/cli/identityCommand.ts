/**
 * `factcheck identity [--data-dir DIR] [--json]`: prints your name (from Settings) and your public
 * key, which a project's owner or editor pastes to add you as a member. Creates the key pair and
 * device id on first use. Lines:
 *   name: <your name>
 *   public key: ed25519:<base64url>
 *   key id: <16 characters>
 *   device: <device id>
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SettingsStore } from '../services/settings';
import { loadOrCreateIdentity } from '../services/sync/identity';
import { defaultDataDir } from './dataDir';
import type { CommandOutput } from './validateCommand';

export const IDENTITY_USAGE = 'Usage: factcheck identity [--data-dir DIR] [--json]';

export async function identityCommand(args: string[], io: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.err(`factcheck: ${(err as Error).message}`);
    io.err(IDENTITY_USAGE);
    return 2;
  }
  if (parsed.values.help) {
    io.out(IDENTITY_USAGE);
    return 0;
  }
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  try {
    const identity = await loadOrCreateIdentity(dataDir);
    const { userName } = await new SettingsStore(dataDir).get();
    if (parsed.values.json) {
      io.out(JSON.stringify({ name: userName, publicKey: identity.publicKey, keyId: identity.keyId, deviceId: identity.deviceId }, null, 2));
    } else {
      io.out(`name: ${userName}`);
      io.out(`public key: ${identity.publicKey}`);
      io.out(`key id: ${identity.keyId}`);
      io.out(`device: ${identity.deviceId}`);
    }
    return 0;
  } catch (err) {
    io.err(`factcheck identity: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
