/**
 * Serialises read-modify-write cycles on one file within this process, so two users of the same
 * settings or recent-projects file (e.g. the workbench and the sample-project check) never
 * interleave and lose each other's update.
 */
import path from 'node:path';

const tails = new Map<string, Promise<unknown>>();

export function withFileQueue<R>(file: string, run: () => Promise<R>): Promise<R> {
  const key = path.resolve(file);
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
