/**
 * `npx tsx bench/profile/batching.ts [backend]`: ways of turning shuffled rows into a batch tensor, per batch:
 * tf.gather from the prepared split, tf.slice from an epoch-shuffled copy, and a tensor made from JS memory.
 */
import * as tf from '@tensorflow/tfjs';
import { activeBackend, initBackend } from '../../src/main/core/training/backend/backend';
import type { BackendName } from '../../src/shared/run-types';
import { load1, median } from '../lib/stats';
import { markdownTable, type Cell } from '../lib/table';

function timeUs(fn: () => tf.Tensor, reps = 200): number {
  const times: number[] = [];
  for (let i = 0; i < reps + 20; i++) {
    const start = performance.now();
    const t = fn();
    t.dataSync();
    t.dispose();
    if (i >= 20) times.push(performance.now() - start);
  }
  return median(times) * 1000;
}

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as BackendName;
  await initBackend(backend);
  if (activeBackend() !== backend) throw new Error(`${backend} does not load here`);
  const n = 8000;
  const host = Float32Array.from({ length: n * 784 }, (_, i) => (i % 251) / 255);
  const x = tf.tensor2d(host, [n, 784]);
  const rows: Cell[][] = [];
  for (const b of [32, 128]) {
    const idx = tf.tensor1d(
      Int32Array.from({ length: b }, (_, j) => (j * 61) % n),
      'int32',
    );
    const start = 640;
    rows.push([
      b,
      timeUs(() => tf.gather(x, idx)),
      timeUs(() => tf.slice(x, [start, 0], [b, 784])),
      timeUs(() => tf.tensor2d(host.subarray(start * 784, (start + b) * 784), [b, 784])),
      timeUs(() => tf.add(tf.slice(x, [start, 0], [b, 784]), 0)),
    ]);
    idx.dispose();
  }
  const order = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
  let started = performance.now();
  const shuffled = new Float32Array(n * 784);
  for (let i = 0; i < n; i++) shuffled.set(host.subarray(order[i] * 784, (order[i] + 1) * 784), i * 784);
  const jsShuffleMs = performance.now() - started;
  started = performance.now();
  const up = tf.tensor2d(shuffled, [n, 784]);
  up.dataSync();
  const uploadMs = performance.now() - started;
  started = performance.now();
  const gathered = tf.gather(x, tf.tensor1d(order, 'int32'));
  gathered.dataSync();
  const gatherAllMs = performance.now() - started;
  tf.dispose([x, up, gathered]);
  console.log(`backend ${backend}, load ${load1()}; µs per batch (median of 200):\n`);
  console.log(markdownTable(['batch', 'gather rows', 'slice rows', 'tensor from JS rows', 'slice + add (forces a copy)'], rows));
  console.log(
    `\nper epoch (${n} rows): shuffle in JS ${jsShuffleMs.toFixed(1)} ms + upload ${uploadMs.toFixed(1)} ms; one tf.gather of all rows ${gatherAllMs.toFixed(1)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
