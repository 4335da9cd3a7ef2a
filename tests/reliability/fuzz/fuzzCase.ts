/**
 * One fuzz case: a project file damaged by 1–3 mutations goes through the loader (pure, then through
 * the project store on disk), every accepted file through the rules (checkInvariants) and the five
 * text exporters, then hostile operation arguments through the main side's step. A case throws on
 * the first broken promise: a crash (anything but a refusal), a hang (a step over 5 s), an accepted
 * file breaking a rule, a rejected file written to, an opened file changed before any change, an
 * applied operation that does not reopen as saved, or a polluted Object.prototype.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { commitOnMainSide } from '../../../electron/services/commitOnMainSide';
import { sha256Hex } from '../../../electron/services/intake/sha256';
import { openProjectStore } from '../../../electron/services/projectStore';
import { WorkbenchError } from '../../../shared/api';
import { checkInvariants } from '../../../shared/invariants';
import { renderExport, type TextExportFormat } from '../../../shared/interop';
import { OperationError, type Change, type Project } from '../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../shared/projectFile';
import { projectWith } from '../../unit/shared/operations/arbitraries';
import { hostileChange, validOperation } from '../../unit/shared/operations/hostile';
import { mutateFile, type MutationOptions } from './fileMutations';

type Gen = fc.GeneratorValue;

export const HANG_MS = 5_000;
/** An asynchronous step (disk) that has not settled after this long is stuck, however busy the machine. */
const STUCK_MS = 60_000;
const FORMATS: TextExportFormat[] = ['html', 'md', 'csv', 'claimreview', 'w3c'];

export interface FuzzCounts {
  cases: number;
  /** Accepted as written. */
  accepted: number;
  /** Accepted with repairs (said in words, written only with the next change). */
  repaired: number;
  rejected: number;
  exports: number;
  /** Operations with hostile or mutated arguments: applied (and reopened as saved), or refused. */
  operationsApplied: number;
  operationsRefused: number;
  /** Opened through the project store on disk (the rest are checked in memory only). */
  storeOpens: number;
  /** Opened files that were then changed and written: reopened with nothing to repair. */
  repairedThenSaved: number;
  /** CPU time of the slowest single step. */
  slowestMs: number;
  mutations: Record<string, number>;
}

export function emptyCounts(): FuzzCounts {
  return { cases: 0, accepted: 0, repaired: 0, rejected: 0, exports: 0, operationsApplied: 0, operationsRefused: 0, storeOpens: 0, repairedThenSaved: 0, slowestMs: 0, mutations: {} };
}

export class FuzzFailure extends Error {}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

function assertNoPollution(what: string): void {
  const probe = {} as Record<string, unknown>;
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_KEYS || probe.polluted !== undefined) {
    throw new FuzzFailure(`${what}: Object.prototype was polluted`);
  }
}

/** CPU milliseconds since `start` (process.cpuUsage): a hang burns CPU; a machine busy with other work does not make it one. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Runs `step`; the case fails when it spends more than HANG_MS of CPU time (a hang). */
function timed<T>(counts: FuzzCounts, what: string, step: () => T): T {
  const start = process.cpuUsage();
  try {
    return step();
  } finally {
    const ms = cpuMsSince(start);
    counts.slowestMs = Math.max(counts.slowestMs, ms);
    if (ms > HANG_MS) throw new FuzzFailure(`${what} took ${Math.round(ms)} ms of CPU time (a hang: over ${HANG_MS} ms)`);
  }
}

/** As `timed`, for steps that wait on the disk; one that never settles fails after STUCK_MS. */
async function timedAsync<T>(counts: FuzzCounts, what: string, step: () => Promise<T>): Promise<T> {
  const start = process.cpuUsage();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzFailure(`${what} did not finish within ${STUCK_MS / 1000} s`)), STUCK_MS);
  });
  try {
    return await Promise.race([step(), stuck]);
  } finally {
    clearTimeout(timer);
    const ms = cpuMsSince(start);
    counts.slowestMs = Math.max(counts.slowestMs, ms);
    if (ms > HANG_MS) throw new FuzzFailure(`${what} took ${Math.round(ms)} ms of CPU time (a hang: over ${HANG_MS} ms)`);
  }
}

export interface CaseContext {
  /** Projects to damage (the sample, random ones, ones with a history). */
  seeds: readonly Project[];
  /** A folder for the store's files (emptied per case). */
  dir: string;
  options: MutationOptions;
  /** Share of cases also opened through the project store on disk (0–1). */
  storeShare: number;
}

export async function runCase(g: Gen, context: CaseContext, counts: FuzzCounts): Promise<void> {
  counts.cases++;
  const seed = seedProject(g, context);
  const { bytes, applied } = mutateFile(serializeProject(seed), seed, g, context.options);
  for (const name of applied) counts.mutations[name] = (counts.mutations[name] ?? 0) + 1;
  const what = `file damaged by ${applied.join(' + ')}`;
  // Decoded as the store reads files (invalid UTF-8 becomes U+FFFD).
  const text = Buffer.from(bytes).toString('utf8');

  const parsed = timed(counts, `loading a ${what}`, () => parseProjectFile(text, sha256Hex));
  assertNoPollution(what);
  if (!parsed.ok) counts.rejected++;
  else if (parsed.repairs.length) counts.repaired++;
  else counts.accepted++;

  if (parsed.ok) {
    const problems = checkInvariants(parsed.project, sha256Hex, { stored: true });
    if (problems.length) throw new FuzzFailure(`${what}: accepted, but breaks the rules: ${problems.slice(0, 3).join('; ')}`);
    for (const format of FORMATS) {
      timed(counts, `${format} export of a ${what}`, () => renderExport(parsed.project, format));
      counts.exports++;
    }
    assertNoPollution(`exports of a ${what}`);
    let project = parsed.project;
    for (let n = g(fc.integer, { min: 0, max: 3 }); n > 0; n--) project = tryOperation(g, project, counts);
  }

  if (g(fc.integer, { min: 0, max: 99 }) < context.storeShare * 100) await throughStore(bytes, parsed, what, g, context, counts);
}

/** A project to damage: one of the given ones, or a random one with a history of valid changes. */
function seedProject(g: Gen, context: CaseContext): Project {
  if (context.seeds.length && g(fc.integer, { min: 0, max: 2 }) === 0) return context.seeds[g(fc.integer, { min: 0, max: context.seeds.length - 1 })]!;
  let project = projectWith(g);
  for (let n = g(fc.integer, { min: 0, max: 6 }); n > 0; n--) {
    const op = validOperation(project, g);
    if (!op) continue;
    const change: Change = g(fc.integer, { min: 0, max: 4 }) === 0 ? { kind: 'undo' } : { kind: 'do', op };
    try {
      project = commitOnMainSide(project, change, { id: `h${project.history.length}`, at: '2026-11-25T10:00:00.000Z', author: 'Seed' }).project;
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
    }
  }
  return project;
}

/** A hostile, mutated or valid change through the main side's step: refused, or reopening exactly as saved. */
function tryOperation(g: Gen, project: Project, counts: FuzzCounts): Project {
  const next = hostileChange(project, g);
  if (!next) return project;
  let after: Project;
  try {
    after = timed(counts, `operation ${next.kind}`, () => commitOnMainSide(project, next.change, { id: `h${project.history.length}`, at: '2026-11-25T10:00:00.000Z', author: 'Fuzz' }).project);
  } catch (err) {
    if (err instanceof OperationError) {
      counts.operationsRefused++;
      return project;
    }
    throw err;
  } finally {
    assertNoPollution(`operation ${next.kind}`);
  }
  counts.operationsApplied++;
  const reopened = parseProjectFile(serializeProject(after), sha256Hex);
  if (!reopened.ok) throw new FuzzFailure(`operation ${next.kind} was applied, but the saved project does not reopen: ${reopened.problem}`);
  if (reopened.repairs.length) throw new FuzzFailure(`operation ${next.kind} was applied, but the saved project needs repairs: ${reopened.repairs.join('; ')}`);
  return after;
}

/** The same bytes through the project store: a rejected file is never written; an opened one is not written until it changes. */
async function throughStore(bytes: Uint8Array, parsed: ReturnType<typeof parseProjectFile>, what: string, g: Gen, context: CaseContext, counts: FuzzCounts): Promise<void> {
  await fs.rm(context.dir, { recursive: true, force: true });
  await fs.mkdir(context.dir, { recursive: true });
  const file = path.join(context.dir, 'case.factcheck.json');
  await fs.writeFile(file, bytes);
  counts.storeOpens++;
  const unchanged = async (when: string) => {
    const now = await fs.readFile(file);
    if (Buffer.compare(now, Buffer.from(bytes)) !== 0) throw new FuzzFailure(`${what}: the file was written ${when}`);
    const left = (await fs.readdir(context.dir)).filter((name) => name !== 'case.factcheck.json');
    if (left.length) throw new FuzzFailure(`${what}: ${when}, the store left ${left.join(', ')} beside the file`);
  };

  let store;
  try {
    store = await timedAsync(counts, `opening a ${what}`, () => openProjectStore(file, { debounceMs: 0, maxDelayMs: 0 }));
  } catch (err) {
    if (!(err instanceof WorkbenchError) || err.code !== 'invalid-project') throw err;
    if (parsed.ok) throw new FuzzFailure(`${what}: the loader accepts it, the store refused it: ${err.message}`);
    if (!err.message.includes('case.factcheck.json')) throw new FuzzFailure(`${what}: the refusal does not name the file: ${err.message}`);
    await unchanged('after it was refused');
    return;
  }
  if (!parsed.ok) {
    await store.close({ force: true });
    throw new FuzzFailure(`${what}: the loader rejects it, the store opened it`);
  }
  if (store.repairs.join('\n') !== parsed.repairs.join('\n')) {
    await store.close({ force: true });
    throw new FuzzFailure(`${what}: the store reports other repairs than the loader`);
  }
  // Sometimes the user makes a change: then (and only then) the repaired project is written, and it reopens clean.
  if (g(fc.boolean)) {
    store.apply(store.project.history.length, [{ kind: 'do', op: { type: 'renameProject', title: 'Changed by the fuzz harness' } }], () => ({ id: 'h-fuzz', at: '2026-11-25T10:00:00.000Z', author: 'Fuzz' }));
    const status = await store.close();
    if (status.state === 'error') throw new FuzzFailure(`${what}: saving a change failed: ${status.error}`);
    const reread = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
    if (!reread.ok || reread.repairs.length) throw new FuzzFailure(`${what}: after a change was saved, the file ${reread.ok ? `still needs repairs: ${reread.repairs.join('; ')}` : `does not open: ${reread.problem}`}`);
    counts.repairedThenSaved++;
    return;
  }
  await store.close();
  await unchanged('by opening and closing it');
}
