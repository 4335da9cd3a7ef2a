/** Two people, two copies of one project, changes made through the workbench (stamped and signed): for the team command tests. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { identityCommand } from '../../../../electron/cli/identityCommand';
import { membersCommand } from '../../../../electron/cli/teamCommands';
import { sha256Hex } from '../../../../electron/services/intake/sha256';
import { loadOrCreateIdentity } from '../../../../electron/services/sync/identity';
import { createWorkbench } from '../../../../electron/services/workbench';
import type { Operation, Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { sampleProject } from '../../shared/helpers';
import { startPouchServer, type PouchServer } from '../../../support/pouchServer';
import { run } from './cliIo';

export interface Person {
  name: string;
  dataDir: string;
  publicKey: string;
}

export async function person(dir: string, name: string, folder = `home-${name}`): Promise<Person> {
  const dataDir = path.join(dir, folder);
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ userName: name, role: 'checker' }));
  const id = await run(identityCommand, '--data-dir', dataDir, '--json');
  expect(id.code).toBe(0);
  const { publicKey } = JSON.parse(id.out.join('\n')) as { publicKey: string };
  return { name, dataDir, publicKey };
}

type Workbench = ReturnType<typeof createWorkbench>;

/** Runs `work` on the project opened in a workbench of `who` (as the app would). */
export async function inApp<T>(who: Pick<Person, 'dataDir'>, file: string, work: (workbench: Workbench, project: Project) => Promise<T>): Promise<T> {
  const workbench = createWorkbench({ dataDir: who.dataDir, mode: 'browser', version: 't', resourcesDir: path.join(who.dataDir, 'none') });
  try {
    const { project } = await workbench.openProject({ path: file });
    return await work(workbench, project);
  } finally {
    await workbench.dispose();
  }
}

/** Changes made in the app: through the workbench, which stamps and signs them. */
export async function edit(who: Pick<Person, 'dataDir'>, file: string, ops: Operation[]): Promise<void> {
  await inApp(who, file, async (workbench, project) => {
    await workbench.applyChanges({ projectId: project.id, baseSeq: project.history.length, changes: ops.map((op) => ({ kind: 'do', op })) });
  });
}

export async function read(file: string): Promise<Project> {
  const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project;
}

/** The owner's copy with `other` as checker, and a copy of it for `other`. */
export async function twoCopies(dir: string, tag: string, owner: Person, other: Person): Promise<{ a: string; b: string }> {
  const a = path.join(dir, `${tag}-${owner.name}.factcheck.json`);
  const b = path.join(dir, `${tag}-${other.name}.factcheck.json`);
  await fs.writeFile(a, serializeProject({ ...sampleProject(), id: `p-${tag}` }));
  const added = await run(membersCommand, a, 'add', other.name, other.publicKey, '--role', 'checker', '--data-dir', owner.dataDir);
  expect(added.code).toBe(0);
  expect(added.out).toContain(`added ${other.name} as checker (key id ${(await loadOrCreateIdentity(other.dataDir)).keyId})`);
  await fs.copyFile(a, b);
  return { a, b };
}

/** Every file under `folder` (recursively). */
export async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

/** A pouchdb-server on 127.0.0.1 for the tests of the enclosing describe block: started before them, stopped after; call the result for it. */
export function pouchServerForBlock(): () => PouchServer {
  let server: PouchServer | undefined;
  beforeAll(async () => {
    server = await startPouchServer();
  }, 40_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => server!;
}
