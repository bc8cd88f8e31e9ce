/** Small seeded pseudo-random helpers: deterministic shuffles and per-stream seeds, no global state. */
import { createHash } from 'node:crypto';

/**
 * Seed of one named random stream of a run: the first 31 bits of SHA-256("<runSeed>/<stream>/<epoch>").
 * Every stream (layer weights, each epoch's shuffle, the training subset, the probe batch) gets its own seed,
 * so no two run seeds, streams or epochs share a sequence (seed s + 1 is not seed s one epoch later).
 */
export function streamSeed(runSeed: number, stream: string, epoch = 0): number {
  return createHash('sha256').update(`${runSeed}/${stream}/${epoch}`).digest().readUInt32LE(0) & 0x7fffffff;
}

/** Order in which a run visits its `count` training rows in `epoch` (1-based). */
export function epochOrder(count: number, runSeed: number, epoch: number): Int32Array {
  return seededPermutation(count, streamSeed(runSeed, 'shuffle', epoch));
}

/** mulberry32: returns a generator of floats in [0, 1), fully determined by `seed`. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A permutation of 0..count−1 (Fisher–Yates), the same for the same seed. */
export function seededPermutation(count: number, seed: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const random = createRandom(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}
