/**
 * Ed25519 checks of many entries at once, spread over a few worker threads plus the calling
 * thread. Only the `verify` call moves: what is checked (payload bytes, signature, key) is decided
 * by the caller, so every answer is the one an in-thread `verify` gives. A batch too small to pay
 * for the messages runs in-thread; a worker that fails hands its share back to the calling thread.
 * Workers are unref'd, end after a short idle time, and all end on close().
 */
import { availableParallelism } from 'node:os';
import { verify, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface VerifyJob {
  /** The signed bytes. */
  payload: Uint8Array;
  /** The 64-byte signature. */
  signature: Uint8Array;
  key: KeyObject;
}

export interface SignaturePool {
  /**
   * One answer per job, in order: does the signature match the payload and key. The work is
   * handed to the workers before this returns; `here: false` keeps the calling thread free for
   * other work meanwhile (it then takes no share).
   */
  verifyAll(jobs: readonly VerifyJob[], options?: { here?: boolean }): Promise<boolean[]>;
  /** Worker threads alive now (started and not yet exited). */
  threads(): number;
  /** Ends every worker; a later verifyAll starts them again. */
  close(): Promise<void>;
}

export interface SignaturePoolOptions {
  /** Worker threads at most (default: one fewer than the cores, at least one). */
  size?: number;
  /** Below this many jobs, everything is checked in the calling thread. */
  minBatch?: number;
  /** A worker with nothing to do ends after this many milliseconds. */
  idleMs?: number;
}

// Self-contained (node:crypto only), so it runs the same from sources and from the built bundle.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
parentPort.on('message', (m) => {
  const keys = m.keys.map((der) => createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }));
  const bytes = Buffer.from(m.payloads.buffer, m.payloads.byteOffset, m.payloads.byteLength);
  const sigs = Buffer.from(m.signatures.buffer, m.signatures.byteOffset, m.signatures.byteLength);
  const out = new Uint8Array(m.keyIndex.length);
  for (let i = 0; i < out.length; i++) {
    const payload = bytes.subarray(m.offsets[i], m.offsets[i + 1]);
    out[i] = verify(null, payload, keys[m.keyIndex[i]], sigs.subarray(i * 64, i * 64 + 64)) ? 1 : 0;
  }
  parentPort.postMessage({ id: m.id, out }, [out.buffer]);
});
`;

function verifyHere(job: VerifyJob): boolean {
  return verify(null, job.payload, job.key, job.signature);
}

interface Pending {
  resolve: (out: Uint8Array) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  exited: Promise<void>;
  pending: Map<number, Pending>;
  idle: NodeJS.Timeout | null;
}

/** One message's worth of jobs, packed into a few buffers (cheap to transfer). */
function pack(id: number, jobs: readonly VerifyJob[]) {
  const keyIndex = new Uint16Array(jobs.length);
  const keyOf = new Map<KeyObject, number>();
  const keys: Uint8Array[] = [];
  const offsets = new Uint32Array(jobs.length + 1);
  let total = 0;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    let k = keyOf.get(job.key);
    if (k === undefined) {
      k = keys.length;
      keyOf.set(job.key, k);
      keys.push(new Uint8Array(job.key.export({ format: 'der', type: 'spki' })));
    }
    keyIndex[i] = k;
    total += job.payload.byteLength;
    offsets[i + 1] = total;
  }
  const payloads = new Uint8Array(total);
  const signatures = new Uint8Array(jobs.length * 64);
  for (let i = 0; i < jobs.length; i++) {
    payloads.set(jobs[i]!.payload, offsets[i]!);
    signatures.set(jobs[i]!.signature.subarray(0, 64), i * 64);
  }
  return { message: { id, keys, keyIndex, offsets, payloads, signatures }, transfer: [keyIndex.buffer, offsets.buffer, payloads.buffer, signatures.buffer] };
}

export function createSignaturePool(options: SignaturePoolOptions = {}): SignaturePool {
  const size = Math.max(1, options.size ?? availableParallelism() - 1);
  const minBatch = options.minBatch ?? 256;
  const idleMs = options.idleMs ?? 5000;
  const slots: Slot[] = [];
  let live = 0;
  let nextId = 1;

  const drop = (slot: Slot, err: Error) => {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    if (slot.idle) clearTimeout(slot.idle);
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  };

  const start = (): Slot => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    live++;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => {
      live--;
      resolve();
    }));
    const slot: Slot = { worker, exited, pending: new Map(), idle: null };
    worker.on('message', (m: { id: number; out: Uint8Array }) => {
      const p = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      p?.resolve(m.out);
      if (slot.pending.size === 0) {
        slot.idle = setTimeout(() => {
          drop(slot, new Error('the signature worker stopped'));
          void worker.terminate();
        }, idleMs);
        slot.idle.unref();
      }
    });
    worker.on('error', (err) => drop(slot, err));
    worker.on('exit', () => drop(slot, new Error('the signature worker stopped')));
    slots.push(slot);
    return slot;
  };

  const send = (slot: Slot, jobs: readonly VerifyJob[]): Promise<Uint8Array> => {
    if (slot.idle) {
      clearTimeout(slot.idle);
      slot.idle = null;
    }
    const id = nextId++;
    const { message, transfer } = pack(id, jobs);
    return new Promise<Uint8Array>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(message, transfer);
    });
  };

  return {
    async verifyAll(jobs, { here = true } = {}) {
      if (jobs.length < minBatch) return jobs.map(verifyHere);
      while (slots.length < size) start();
      // Equal shares for each worker and, unless it is kept free, for this thread, which checks its own while they work.
      const mine = here ? 1 : 0;
      const share = Math.ceil(jobs.length / (slots.length + mine));
      const sent = slots.map((slot, i) => {
        const part = jobs.slice(share * (i + mine), share * (i + mine + 1));
        return { part, reply: part.length > 0 ? send(slot, part) : Promise.resolve(new Uint8Array(0)) };
      });
      const answers = here ? jobs.slice(0, share).map(verifyHere) : [];
      for (const { part, reply } of sent) {
        let out: Uint8Array | null = null;
        try {
          out = await reply;
        } catch {
          // The worker failed: its share is checked here instead.
        }
        for (let i = 0; i < part.length; i++) answers.push(out ? out[i] === 1 : verifyHere(part[i]!));
      }
      return answers;
    },
    threads: () => live,
    async close() {
      const ending = slots.slice();
      await Promise.all(
        ending.map(async (slot) => {
          drop(slot, new Error('the signature pool was closed'));
          await slot.worker.terminate();
          await slot.exited;
        }),
      );
    },
  };
}

let shared: SignaturePool | null = null;

/** The process's pool (started on first use). */
export function signaturePool(): SignaturePool {
  shared ??= createSignaturePool();
  return shared;
}

/** Ends the process's pool workers (on shutdown). */
export async function closeSignaturePool(): Promise<void> {
  await shared?.close();
}
