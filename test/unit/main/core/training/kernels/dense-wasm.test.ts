/**
 * Loss Lab's own WASM matrix products and tanh (native/wasm/) against tfjs's, on shapes that run
 * every path of the kernels: whole 4-row × 8-column register blocks, and the row, column and k tails.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { heapKernelsOf, type HeapKernels } from '@core/training/kernels/heap-kernels';
import { denseKernelOp } from '@core/training/kernels/dense-kernel';
import { heapFloats, heapOffset } from '@core/training/kernels/tensor-memory';
import { maxDiff, referenceDense } from '@support/dense-reference';

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
  it.each([
    ['linear', false],
    ['relu', false],
    ['tanh', false],
    ['sigmoid', false],
    ['tanh', true],
    ['relu', true],
  ] as const)('matches tf forward and gradients with %s, saturated units included (input mostly zeros: %s)', (activation, mostlyZero) => {
    tf.tidy(() => {
      const dense = tf.randomUniform([rows, inUnits], -1, 1, 'float32', 11) as tf.Tensor2D;
      // Mostly zeros, as pixels are: the kernels then skip the zero terms (the sparse path).
      const x = mostlyZero
        ? (tf.mul(dense, tf.cast(tf.greater(tf.randomUniform([rows, inUnits], 0, 1, 'float32', 15), 0.8), 'float32')) as tf.Tensor2D)
        : dense;
      const w = tf.randomNormal([inUnits, units], 0, 2.5, 'float32', 12) as tf.Tensor2D;
      const b = tf.randomNormal([units], 0, 0.5, 'float32', 13) as tf.Tensor1D;
      const dy = tf.randomNormal([rows, units], 0, 1, 'float32', 14) as tf.Tensor2D;
      const loss = (op: typeof referenceDense) => (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
        tf.sum(tf.mul(op(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D, activation), dy));
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

describe('the zero-skipping paths', () => {
  it('give exactly the dense sums, forward and weight gradient, on every block and tail', () => {
    const [rows, inUnits, units] = [37, 50, 75];
    const values = tf.randomUniform([rows, inUnits], -1, 1, 'float32', 21).dataSync();
    const mask = tf.randomUniform([rows, inUnits], 0, 1, 'float32', 22).dataSync();
    const x = tf.tensor2d(
      values.map((v, i) => (mask[i] < 0.8 ? 0 : v)),
      [rows, inUnits],
    );
    const w = tf.randomNormal([inUnits, units], 0, 1, 'float32', 23);
    const b = tf.randomNormal([units], 0, 1, 'float32', 24);
    const dz = tf.randomNormal([rows, units], 0, 1, 'float32', 25);
    const scratch = tf.zeros([2 * inUnits + 1 + rows * inUnits], 'int32');
    const outputs = [tf.zeros([rows, units]), tf.zeros([rows, units]), tf.zeros([inUnits, units]), tf.zeros([inUnits, units])];
    const at = (t: tf.Tensor): number => heapOffset(wasm.backend, t);
    wasm.kernels.dense_forward(at(x), at(w), at(b), at(outputs[0]), 0, rows, inUnits, units, 2);
    wasm.kernels.dense_forward(at(x), at(w), at(b), at(outputs[1]), at(scratch), rows, inUnits, units, 2);
    // The sparse path ran: it left the last row's nonzero columns at the start of the scratch memory.
    const lastRow = Array.from(x.dataSync().subarray((rows - 1) * inUnits)).flatMap((v, k) => (v !== 0 ? [k] : []));
    expect(lastRow.length).toBeGreaterThan(0);
    expect(Array.from(scratch.dataSync().subarray(0, lastRow.length))).toEqual(lastRow);
    wasm.kernels.dense_weight_grad(at(x), at(dz), at(outputs[2]), 0, rows, inUnits, units);
    wasm.kernels.dense_weight_grad(at(x), at(dz), at(outputs[3]), at(scratch), rows, inUnits, units);
    const [denseForward, sparseForward, denseGrad, sparseGrad] = outputs.map((t) => Array.from(t.dataSync()));
    expect(sparseForward).toEqual(denseForward);
    expect(sparseGrad).toEqual(denseGrad);
    expect(maxDiff(tf.tensor2d(sparseForward, [rows, units]), referenceDense(x, w as tf.Tensor2D, b as tf.Tensor1D, 'tanh'))).toBeLessThan(1e-5);
    tf.dispose([x, w, b, dz, scratch, ...outputs]);
  });
});

describe('heapKernelsOf', () => {
  it('is null off the wasm backend, so cpu and the native tensorflow backend keep tfjs kernels', async () => {
    await initBackend('cpu');
    expect(heapKernelsOf(tf.backend())).toBeNull();
    await initBackend('wasm');
    expect(heapKernelsOf(tf.backend())).not.toBeNull();
  });
});
