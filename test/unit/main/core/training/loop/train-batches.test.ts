import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { seededPermutation } from '@core/random';
import { batchTensors, trainRows } from '@core/training/loop/train-batches';
import { scalePixels } from '@core/training/loop/pixels';
import { disposeSplit, splitTensors } from '@core/training/loop/training-data';
import { syntheticDataset } from '@support/training';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('batchTensors', () => {
  const data = syntheticDataset(100, 10);

  it.each(['oneHot01', 'oneHotPlusMinus1'] as const)('gives exactly the rows tf.gather takes from the prepared split (%s)', (encoding) => {
    const rows = trainRows(data.train, encoding, 10, 80);
    const split = splitTensors(data.train, encoding, 10, 80);
    const order = seededPermutation(80, 3);
    for (const [start, end] of [
      [0, 32],
      [32, 64],
      [64, 80],
    ]) {
      tf.tidy(() => {
        const batch = batchTensors(rows, order, start, end);
        const indices = tf.tensor1d(order.subarray(start, end), 'int32');
        expect(batch.x.shape).toEqual([end - start, 784]);
        expect(batch.labels.dtype).toBe('int32');
        expect(batch.x.dataSync()).toEqual(tf.gather(split.x, indices).dataSync());
        expect(batch.y.dataSync()).toEqual(tf.gather(split.y, indices).dataSync());
        expect(batch.labels.dataSync()).toEqual(tf.gather(split.labels, indices).dataSync());
      });
    }
    disposeSplit(split);
  });

  it.each(['wasm', 'cpu'] as const)('scales every byte value 0..255 exactly as scalePixels does, on %s', async (backend) => {
    await initBackend(backend);
    const images = Uint8Array.from({ length: 2 * 784 }, (_, i) => (i * 7) % 256);
    const rows = trainRows({ images, labels: Uint8Array.from([3, 4]), count: 2 }, 'oneHot01');
    const batch = batchTensors(rows, Int32Array.from([1, 0]), 0, 2);
    const expected = scalePixels(Uint8Array.from([...images.subarray(784), ...images.subarray(0, 784)]));
    expect(batch.x.dataSync()).toEqual(expected);
    tf.dispose([batch.x, batch.y, batch.labels]);
    await initBackend('wasm');
  });

  it('builds each batch in fresh memory, so earlier batches keep their values', () => {
    const rows = trainRows(data.train, 'oneHot01');
    const order = seededPermutation(100, 5);
    const first = batchTensors(rows, order, 0, 10);
    const firstValues = first.x.dataSync().slice();
    const second = batchTensors(rows, order, 10, 20);
    expect(first.x.dataSync()).toEqual(firstValues);
    tf.dispose([first.x, first.y, first.labels, second.x, second.y, second.labels]);
  });
});
