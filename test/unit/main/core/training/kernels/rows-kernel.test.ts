import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { rowsOf } from '@core/training/kernels/rows-kernel';

afterAll(async () => {
  await initBackend('wasm');
});

describe.each(['wasm', 'cpu'] as const)('rowsOf on %s', (backend) => {
  it('gives the rows tf.slice gives, for 2-d float32 and 1-d int32 tensors, and leaks nothing', async () => {
    await initBackend(backend);
    const x = tf.randomUniform([50, 7], 0, 1, 'float32', 3);
    const labels = tf.tensor1d(
      Array.from({ length: 50 }, (_, i) => i * 3),
      'int32',
    );
    const before = tf.memory().numTensors;
    for (const [start, count] of [
      [0, 10],
      [13, 20],
      [40, 10],
      [0, 50],
    ]) {
      tf.tidy(() => {
        const ours = rowsOf(x, start, count);
        expect(ours.shape).toEqual([count, 7]);
        expect(Array.from(ours.dataSync())).toEqual(Array.from(tf.slice(x, [start, 0], [count, -1]).dataSync()));
        const ints = rowsOf(labels, start, count);
        expect(ints.dtype).toBe('int32');
        expect(Array.from(ints.dataSync())).toEqual(Array.from(labels.dataSync().slice(start, start + count)));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, labels]);
  });
});
