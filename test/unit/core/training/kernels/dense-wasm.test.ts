/**
 * Loss Lab's own WASM matrix products and tanh (native/wasm/kernels.c) against tfjs's, on shapes that run
 * every path of the kernels: whole 4-row × 8-column register blocks, and the row, column and k tails.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../../src/main/core/training/backend';
import { heapKernelsOf, type HeapKernels } from '../../../../../src/main/core/training/kernels/heap-kernels';
import { denseKernelOp } from '../../../../../src/main/core/training/kernels/dense-kernel';
import { heapFloats, heapOffset } from '../../../../../src/main/core/training/kernels/tensor-memory';
import { maxDiff, referenceDense } from '../dense-reference';

let wasm: HeapKernels;

beforeAll(async () => {
  await initBackend('wasm');
  const found = heapKernelsOf(tf.backend());
  if (found === null) throw new Error('the wasm backend has no Loss Lab kernels');
  wasm = found;
});

/** tanh_f32 over `values`, read back from the heap. */
function wasmTanh(values: number[]): Float32Array {
  const x = tf.tensor1d(values);
  const out = wasm.backend.makeOutput([values.length], 'float32');
  wasm.kernels.tanh_f32(heapOffset(wasm.backend, x), heapOffset(wasm.backend, out), values.length);
  const result = heapFloats(wasm.backend, out).slice();
  wasm.backend.disposeData(out.dataId);
  x.dispose();
  return result;
}

describe('tanh_f32', () => {
  it('is within 2e-7 of tanh everywhere, 0 at 0, ±1 when saturated, and keeps NaN', () => {
    const values = Array.from({ length: 24_001 }, (_, i) => Math.fround(-12 + i * 0.001));
    values.push(0, 0.625, -0.625, Math.fround(0.62499), 9, -9, 100, -100, 1e-30, -1e-30);
    const ours = wasmTanh(values);
    let worst = 0;
    values.forEach((v, i) => (worst = Math.max(worst, Math.abs(ours[i] - Math.tanh(v)))));
    expect(worst).toBeLessThan(2e-7);
    const at = (v: number): number => ours[values.indexOf(v)];
    expect(at(0)).toBe(0);
    expect(at(100)).toBe(1);
    expect(at(-100)).toBe(-1);
    expect(Number.isNaN(wasmTanh([Number.NaN, 1, 2, 3, Number.NaN])[4])).toBe(true);
    expect(Number.isNaN(wasmTanh([Number.NaN, 1, 2, 3])[0])).toBe(true);
  });
});

describe.each([
  [9, 13, 19],
  [4, 16, 8],
  [3, 5, 2],
  [33, 40, 10],
])('LossLabDense on wasm, x [%i, %i] · W [%i columns]', (rows, inUnits, units) => {
  it.each(['linear', 'relu', 'tanh', 'sigmoid'] as const)('matches tf forward and gradients with %s, saturated units included', (activation) => {
    tf.tidy(() => {
      const x = tf.randomUniform([rows, inUnits], -1, 1, 'float32', 11) as tf.Tensor2D;
      const w = tf.randomNormal([inUnits, units], 0, 2.5, 'float32', 12) as tf.Tensor2D;
      const b = tf.randomNormal([units], 0, 0.5, 'float32', 13) as tf.Tensor1D;
      const dy = tf.randomNormal([rows, units], 0, 1, 'float32', 14) as tf.Tensor2D;
      const loss = (op: typeof referenceDense) => (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.mul(op(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D, activation), dy));
      expect(maxDiff(denseKernelOp(x, w, b, activation, true), referenceDense(x, w, b, activation))).toBeLessThan(1e-5);
      const ours = tf.grads(loss((a, k, c, act) => denseKernelOp(a, k, c, act, true)))([x, w, b]);
      const theirs = tf.grads(loss(referenceDense))([x, w, b]);
      ours.forEach((g, i) => {
        expect(g.shape).toEqual(theirs[i].shape);
        expect(maxDiff(g, theirs[i])).toBeLessThan(1e-5 * Math.max(1, tf.max(tf.abs(theirs[i])).dataSync()[0]));
      });
    });
  });
});
