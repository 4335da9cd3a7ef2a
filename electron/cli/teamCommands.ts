/**
 * The team commands, over the same services as the app:
 *   factcheck merge <project> <other-copy>            merged: N new, M already present, K conflicts
 *   factcheck sync <project> <folder-or-couchdb-url> [--passphrase-file F]
 *                                                     pushed N, pulled M, conflicts K
 *   factcheck members <project> [add <name> <public-key> --role editor|checker]
 * N, M, K count history entries (K: open conflicts). Conflicts are not errors (exit 0); a tampered
 * or undecryptable batch exits 1 after the rest is applied; a usage mistake exits 2.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WorkbenchError } from '../../shared/api';
import { newId } from '../../shared/ids';
import type { MemberRole } from '../../shared/model';
import { authorityRefusal } from '../../shared/sync/authority';
import { mergeSummary } from '../../shared/sync/mergeSummary';
import { openProjectStore, type ProjectStore } from '../services/projectStore';
import { SettingsStore } from '../services/settings';
import { loadOrCreateIdentity } from '../services/sync/identity';
import { keyIdOf, parsePublicKey } from '../services/sync/keys';
import { EntryStamper } from '../services/sync/stamper';
import { ensureOwner, mergeCopy, openTransport, PASSPHRASE_ENV, SyncStateFile, syncKeyFor, syncRound } from '../services/sync/teamSync';
import { defaultDataDir } from './dataDir';
import type { CommandOutput } from './validateCommand';

export const MERGE_USAGE = 'Usage: factcheck merge <project> <other-copy> [--data-dir DIR]';
export const SYNC_USAGE = 'Usage: factcheck sync <project> <folder-or-couchdb-url> [--passphrase-file F] [--data-dir DIR]';
export const MEMBERS_USAGE = 'Usage: factcheck members <project> [add <name> <public-key> --role editor|checker] [--data-dir DIR]';

function parse(args: string[], io: CommandOutput, usage: string, extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...extra } });
    return { positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> & { 'data-dir'?: string } };
  } catch (err) {
    io.err(`factcheck: ${(err as Error).message}`);
    io.err(usage);
    return null;
  }
}

async function withProject<T>(file: string, run: (store: ProjectStore) => Promise<T>): Promise<T> {
  const store = await openProjectStore(resolve(file));
  try {
    return await run(store);
  } finally {
    await store.close({ force: true });
  }
}

async function person(dataDir: string): Promise<{ stamper: EntryStamper; name: string }> {
  const identity = await loadOrCreateIdentity(dataDir);
  const { userName } = await new SettingsStore(dataDir).get();
  return { stamper: new EntryStamper(identity), name: userName };
}

function failure(io: CommandOutput, verb: string, err: unknown): number {
  io.err(`factcheck ${verb}: ${err instanceof WorkbenchError || err instanceof Error ? err.message : String(err)}`);
  return 1;
}

export async function mergeCommand(args: string[], io: CommandOutput): Promise<number> {
  const parsed = parse(args, io, MERGE_USAGE);
  if (!parsed) return 2;
  if (parsed.values.help) return io.out(MERGE_USAGE), 0;
  if (parsed.positionals.length !== 2) {
    io.err(MERGE_USAGE);
    return 2;
  }
  const [project, other] = parsed.positionals as [string, string];
  try {
    const { stamper } = await person(resolve(parsed.values['data-dir'] ?? defaultDataDir()));
    const result = await withProject(project, async (store) => {
      const merged = await mergeCopy(store, resolve(other), stamper);
      await store.flush();
      return merged;
    });
    for (const problem of result.problems) io.err(`factcheck merge: skipped ${problem}`);
    io.out(mergeSummary(result));
    return 0;
  } catch (err) {
    return failure(io, 'merge', err);
  }
}

async function readPassphrase(file: string | undefined): Promise<string | null> {
  if (file) return (await fs.readFile(resolve(file), 'utf8')).replace(/\r?\n$/, '');
  return process.env[PASSPHRASE_ENV] ?? null;
}

export async function syncCommand(args: string[], io: CommandOutput): Promise<number> {
  const parsed = parse(args, io, SYNC_USAGE, { 'passphrase-file': { type: 'string' } });
  if (!parsed) return 2;
  if (parsed.values.help) return io.out(SYNC_USAGE), 0;
  if (parsed.positionals.length !== 2) {
    io.err(SYNC_USAGE);
    return 2;
  }
  const [project, target] = parsed.positionals as [string, string];
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  let passphrase: string | null;
  try {
    passphrase = await readPassphrase(parsed.values['passphrase-file'] as string | undefined);
  } catch (err) {
    return failure(io, 'sync', err);
  }
  if (!passphrase) {
    io.err(`factcheck sync: give the project's sync passphrase with --passphrase-file F or ${PASSPHRASE_ENV}`);
    io.err(SYNC_USAGE);
    return 2;
  }
  try {
    const { stamper, name } = await person(dataDir);
    const result = await withProject(project, async (store) => {
      ensureOwner(store, stamper, name);
      const transport = openTransport(/^https?:\/\//i.test(target) ? target : resolve(target), stamper.identity.deviceId);
      try {
        const key = await syncKeyFor(transport, store.project.id, passphrase!);
        return await syncRound({ store, stamper, transport, key, state: SyncStateFile.forProject(dataDir, store.project.id) });
      } finally {
        await transport.close();
      }
    });
    for (const problem of result.problems) io.err(`factcheck sync: ${problem}`);
    if (result.pushError) io.err(`factcheck sync: not everything was sent: ${result.pushError}`);
    io.out(`pushed ${result.pushed}, pulled ${result.pulled}, conflicts ${result.conflicts}`);
    return result.problems.length > 0 || result.pushError ? 1 : 0;
  } catch (err) {
    return failure(io, 'sync', err);
  }
}

const ROLES: readonly MemberRole[] = ['owner', 'editor', 'checker'];

export async function membersCommand(args: string[], io: CommandOutput): Promise<number> {
  const parsed = parse(args, io, MEMBERS_USAGE, { role: { type: 'string' } });
  if (!parsed) return 2;
  if (parsed.values.help) return io.out(MEMBERS_USAGE), 0;
  const [project, verb, name, publicKey, ...rest] = parsed.positionals;
  const listing = verb === undefined;
  const role = parsed.values.role as MemberRole | undefined;
  if (!project || (!listing && (verb !== 'add' || !name || !publicKey || rest.length > 0 || !role || !ROLES.includes(role)))) {
    io.err(MEMBERS_USAGE);
    return 2;
  }
  try {
    if (!listing) parsePublicKey(publicKey!);
  } catch (err) {
    io.err(`factcheck members: ${(err as Error).message}`);
    return 2;
  }
  try {
    const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
    const members = await withProject(project, async (store) => {
      if (!listing) {
        const { stamper, name: me } = await person(dataDir);
        ensureOwner(store, stamper, me);
        const member = { name: name!, publicKey: publicKey!.trim(), keyId: keyIdOf(publicKey!), role: role! };
        const op = { type: 'setMember' as const, member };
        const refusal = authorityRefusal(store.project, { seq: 0, id: 'probe', at: '', author: me, kind: 'do', keyId: stamper.identity.keyId, op, inverse: op });
        if (refusal) throw new Error(`refused: ${refusal}`);
        stamper.observe(store.project);
        store.apply(store.project.history.length, [{ kind: 'do', op }], () => stamper.meta({ author: me, at: new Date().toISOString(), id: newId('h') }), undefined, (e) => stamper.seal(e));
        await store.flush();
      }
      return store.project.members ?? [];
    });
    if (!listing) io.out(`added ${name} as ${role} (key id ${keyIdOf(publicKey!)})`);
    for (const m of members) io.out(`${m.role}\t${m.name}\t${m.keyId}`);
    return 0;
  } catch (err) {
    return failure(io, 'members', err);
  }
}
