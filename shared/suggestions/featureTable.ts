/**
 * Feature weights keyed by a 32-bit hash of the feature's name, in typed arrays: the weights file holds
 * two arrays of integers (hashes and weights in units of 1e-4), which parse and load in a few
 * milliseconds, where a map of 30,000 string keys took tens. The training script checks that no two
 * shipped features share a hash; a feature the model never saw may, once in ~10^5, share one and get
 * a stray weight — a nudge of at most that weight to one sentence's score.
 */

/** FNV-1a over UTF-16 code units; never 0, which marks an empty slot. */
export function featureHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === 0 ? 1 : h | 0;
}

export interface FeatureTable {
  keys: Int32Array;
  values: Float64Array;
  mask: number;
  size: number;
}

/** An open-addressing table (linear probing, at most half full) of hash → weight. */
export function buildFeatureTable(hashes: readonly number[], weights: readonly number[], scale = 1): FeatureTable {
  if (hashes.length !== weights.length) throw new Error('hashes and weights differ in length');
  let capacity = 16;
  while (capacity < hashes.length * 2) capacity *= 2;
  const keys = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const mask = capacity - 1;
  for (let i = 0; i < hashes.length; i++) {
    const key = hashes[i] | 0;
    if (key === 0) throw new Error('0 is not a feature hash');
    let slot = key & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    if (keys[slot] === key) throw new Error(`two weights for the feature hash ${key}`);
    keys[slot] = key;
    values[slot] = weights[i] / scale;
  }
  return { keys, values, mask, size: hashes.length };
}

/** The weight of a feature, 0 when the model does not know it. */
export function weightOf(table: FeatureTable, name: string): number {
  const key = featureHash(name);
  let slot = key & table.mask;
  for (;;) {
    const k = table.keys[slot];
    if (k === key) return table.values[slot];
    if (k === 0) return 0;
    slot = (slot + 1) & table.mask;
  }
}
