/**
 * GFLOP/s of the Dense layer's matrix products on wasm: Loss Lab's own kernels (native/wasm/kernels.c) and
 * tfjs's matMul with the same weights every call (XNNPACK's best case) and with new weights every call (what
 * training does: the weights change each step).
 *   npx tsx bench/profile/dense-kernels.ts [rows...]     (default 32 128)
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/main/core/training/backend';
import { heapKernelsOf } from '../../src/main/core/training/kernels/heap-kernels';
import { heapOffset } from '../../src/main/core/training/kernels/tensor-memory';
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

const rowsList = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log(`wasm, load ${load1()}\n`);
console.log('| rows × in × units | Loss Lab x·W | tfjs x·W, same W | tfjs x·W, new W | Loss Lab xᵀ·dz | tfjs xᵀ·dz (transpose + matMul) |');
console.log('|---|---|---|---|---|---|');
for (const rows of rowsList.length > 0 ? rowsList : [32, 128]) {
  const [inUnits, units] = [784, 128];
  const x = tf.randomNormal([rows, inUnits]);
  const w = tf.randomNormal([inUnits, units]);
  const b = tf.zeros([units]);
  const dz = tf.randomNormal([rows, units]);
  const out = tf.zeros([rows, units]);
  const dw = tf.zeros([inUnits, units]);
  const flops = 2 * rows * inUnits * units;
  const rate = (us: number): string => `${(flops / us / 1000).toFixed(1)} GFLOP/s (${us.toFixed(0)} µs)`;
  const ours = micros(() => kernels.dense_forward(at(x), at(w), at(b), at(out), rows, inUnits, units, 0));
  const same = micros(() => tf.matMul(x, w).dispose());
  const fresh = micros(() => {
    const w2 = tf.add(w, 0);
    tf.matMul(x, w2).dispose();
    w2.dispose();
  }) - micros(() => tf.add(w, 0).dispose());
  const oursGrad = micros(() => kernels.dense_weight_grad(at(x), at(dz), at(dw), rows, inUnits, units));
  const theirsGrad = micros(() => tf.tidy(() => void tf.matMul(tf.transpose(x), dz)));
  console.log(`| ${rows} × ${inUnits} × ${units} | ${rate(ours)} | ${rate(same)} | ${rate(fresh)} | ${rate(oursGrad)} | ${rate(theirsGrad)} |`);
  tf.dispose([x, w, b, dz, out, dw]);
}
