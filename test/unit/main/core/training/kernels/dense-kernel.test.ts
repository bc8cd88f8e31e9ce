import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { DENSE_OP_ACTIVATIONS } from '@core/training/model/dense-op';
import { denseKernelOp } from '@core/training/kernels/dense-kernel';
import { maxDiff, referenceDense as reference } from '@support/dense-reference';

afterAll(async () => {
  await initBackend('wasm');
});

describe.each(['wasm', 'cpu'] as const)('LossLabDense on %s', (backend) => {
  const data = () => {
    const x = tf.randomUniform([5, 7], -1, 1, 'float32', 1) as tf.Tensor2D;
    const w = tf.randomNormal([7, 6], 0, 0.8, 'float32', 2) as tf.Tensor2D;
    const b = tf.randomNormal([6], 0, 0.5, 'float32', 3) as tf.Tensor1D;
    const dy = tf.randomNormal([5, 6], 0, 1, 'float32', 4) as tf.Tensor2D;
    return { x, w, b, dy };
  };

  it.each(DENSE_OP_ACTIVATIONS)('matches tf forward and gradients (x, W, b) with %s', async (activation) => {
    await initBackend(backend);
    expect(tf.getBackend()).toBe(backend);
    tf.tidy(() => {
      const { x, w, b, dy } = data();
      const f = (op: typeof reference) => (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
        tf.sum(tf.mul(op(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D, activation), dy));
      const ours = tf.grads(f((a, k, c, act) => denseKernelOp(a, k, c, act, true)))([x, w, b]);
      const theirs = tf.grads(f(reference))([x, w, b]);
      expect(maxDiff(denseKernelOp(x, w, b, activation, true), reference(x, w, b, activation))).toBeLessThan(1e-5);
      ours.forEach((g, i) => {
        expect(g.shape).toEqual(theirs[i].shape);
        expect(maxDiff(g, theirs[i])).toBeLessThan(1e-5);
      });
    });
  });

  it.each(DENSE_OP_ACTIVATIONS)('matches tf gradients (W, b) when the input is data, with %s', async (activation) => {
    await initBackend(backend);
    tf.tidy(() => {
      const { x, w, b, dy } = data();
      const ours = tf.grads((wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.mul(denseKernelOp(x, wi as tf.Tensor2D, bi as tf.Tensor1D, activation, false), dy)))([
        w,
        b,
      ]);
      const theirs = tf.grads((wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.mul(reference(x, wi as tf.Tensor2D, bi as tf.Tensor1D, activation), dy)))([w, b]);
      ours.forEach((g, i) => expect(maxDiff(g, theirs[i])).toBeLessThan(1e-5));
    });
  });

  it('leaks no tensors or backend data', async () => {
    await initBackend(backend);
    const { x, w, b, dy } = data();
    const run = () =>
      tf.tidy(
        () => void tf.grads((xi: tf.Tensor, wi: tf.Tensor) => tf.sum(tf.mul(denseKernelOp(xi as tf.Tensor2D, wi as tf.Tensor2D, b, 'tanh', true), dy)))([x, w]),
      );
    run();
    const before = tf.memory().numTensors;
    const dataIds = tf.engine().backend.numDataIds();
    run();
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.engine().backend.numDataIds()).toBe(dataIds);
    tf.dispose([x, w, b, dy]);
  });
});
