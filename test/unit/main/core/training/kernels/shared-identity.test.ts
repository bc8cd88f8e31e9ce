import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { hasLossLabKernels } from '@core/training/kernels';

describe('Identity on wasm once Loss Lab kernels are in use', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    expect(hasLossLabKernels('wasm')).toBe(true);
  });

  it('shares the data instead of copying it, and each tensor stays valid after the other is disposed', () => {
    const before = tf.engine().backend.numDataIds();
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const y = tf.clone(x);
    expect(tf.engine().backend.numDataIds()).toBe(before + 1);
    expect(tf.engine().backend.refCount(x.dataId)).toBe(2);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });

  it('keeps gradients right when the tape saves the same tensor twice', () => {
    const x = tf.tensor1d([0.5, -1.5, 2]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.tanh(t), tf.tanh(t))))(x);
    const expected = [0.5, -1.5, 2].map((v) => 2 * Math.tanh(v) * (1 - Math.tanh(v) ** 2));
    Array.from(grad.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(expected[i], 5));
    tf.dispose([x, grad]);
  });
});
