/**
 * GFLOP/s of the first Dense layer's matrix products on wasm, on real digits (x: rows of the embedded MNIST
 * sample, ~80 % zeros): Loss Lab's own kernels (native/wasm/), dense and skipping the zeros, and
 * tfjs's matMul with the same weights every call (XNNPACK's best case) and with new weights every call (what
 * training does: the weights change each step). GFLOP/s count the dense product's operations throughout.
 *   npx tsx bench/profile/dense-kernels.ts [rows...]     (default 32 128)
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/main/core/training/backend/backend';
import { heapKernelsOf } from '../../src/main/core/training/kernels/heap-kernels';
import { heapOffset } from '../../src/main/core/training/kernels/tensor-memory';
import { buildEmbeddedDataset } from '../../src/main/core/datasets/embedded';
import { scalePixels } from '../../src/main/core/training/loop/pixels';
import { load1 } from '../lib/stats';

await initBackend('wasm');
const wasm = heapKernelsOf(tf.backend());
if (wasm === null) throw new Error('no Loss Lab kernels on this wasm backend');
const { backend, kernels } = wasm;
const at = (t: tf.Tensor): number => heapOffset(backend, t);

/** Median µs of `f` over 7 rounds of `n` calls, after a warm-up. */
function micros(f: () => void, n = 50): number {
  for (let i = 0; i < 10; i++) f();
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) f();
    rounds.push(((performance.now() - start) / n) * 1000);
  }
  return rounds.sort((a, b) => a - b)[3];
}

const rowsList = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
console.log(`wasm, load ${load1()}\n`);
const digits = buildEmbeddedDataset().train;
console.log(
  '| rows × in × units | Loss Lab x·W dense | Loss Lab x·W, zeros skipped | tfjs x·W, same W | tfjs x·W, new W | Loss Lab xᵀ·dz dense | Loss Lab xᵀ·dz, zeros skipped | tfjs xᵀ·dz (transpose + matMul) |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const rows of rowsList.length > 0 ? rowsList : [32, 128]) {
  const [inUnits, units] = [784, 128];
  const x = tf.tensor2d(scalePixels(digits.images.subarray(0, rows * inUnits)), [rows, inUnits]);
  const w = tf.randomNormal([inUnits, units]);
  const b = tf.zeros([units]);
  const dz = tf.randomNormal([rows, units]);
  const out = tf.zeros([rows, units]);
  const dw = tf.zeros([inUnits, units]);
  const scratch = tf.zeros([2 * inUnits + 1 + rows * inUnits], 'int32');
  const flops = 2 * rows * inUnits * units;
  const rate = (us: number): string => `${(flops / us / 1000).toFixed(1)} GFLOP/s (${us.toFixed(0)} µs)`;
  const ours = micros(() => kernels.dense_forward(at(x), at(w), at(b), at(out), 0, rows, inUnits, units, 0));
  const oursSparse = micros(() => kernels.dense_forward(at(x), at(w), at(b), at(out), at(scratch), rows, inUnits, units, 0));
  const same = micros(() => tf.matMul(x, w).dispose());
  const fresh =
    micros(() => {
      const w2 = tf.add(w, 0);
      tf.matMul(x, w2).dispose();
      w2.dispose();
    }) - micros(() => tf.add(w, 0).dispose());
  const oursGrad = micros(() => kernels.dense_weight_grad(at(x), at(dz), at(dw), 0, rows, inUnits, units));
  const oursGradSparse = micros(() => kernels.dense_weight_grad(at(x), at(dz), at(dw), at(scratch), rows, inUnits, units));
  const theirsGrad = micros(() => tf.tidy(() => void tf.matMul(tf.transpose(x), dz)));
  console.log(
    `| ${rows} × ${inUnits} × ${units} | ${rate(ours)} | ${rate(oursSparse)} | ${rate(same)} | ${rate(fresh)} | ${rate(oursGrad)} | ${rate(oursGradSparse)} | ${rate(theirsGrad)} |`,
  );
  tf.dispose([x, w, b, dz, out, dw, scratch]);
}
