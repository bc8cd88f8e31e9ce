import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { FusedAdamOptimizer } from '@core/training/model/fused-adam';

afterAll(async () => {
  await initBackend('wasm');
});

/** Variables after `steps` updates of `optimizer` on a fixed quadratic-ish objective; every tensor disposed. */
function train(optimizer: tf.Optimizer, steps: number): { values: Float32Array[]; leaked: number } {
  const before = tf.memory().numTensors;
  // 37 × 9 and 9: SIMD blocks of 4 and a scalar tail in the WASM kernel.
  const w = tf.tidy(() => tf.variable(tf.randomNormal([37, 9], 0, 0.5, 'float32', 1)));
  const b = tf.tidy(() => tf.variable(tf.randomNormal([9], 0, 0.5, 'float32', 2)));
  const x = tf.randomUniform([5, 37], -1, 1, 'float32', 3);
  const target = tf.randomNormal([5, 9], 0, 1, 'float32', 4);
  const loss = (): tf.Scalar => tf.mean(tf.square(tf.sub(tf.tanh(tf.add(tf.matMul(x, w), b)), target)));
  for (let s = 0; s < steps; s++) tf.tidy(() => void optimizer.minimize(loss, false, [w, b]));
  const values = [Float32Array.from(w.dataSync()), Float32Array.from(b.dataSync())];
  optimizer.dispose();
  tf.dispose([w, b, x, target]);
  return { values, leaked: tf.memory().numTensors - before };
}

describe.each(['wasm', 'cpu'] as const)('FusedAdamOptimizer on %s', (backend) => {
  it('updates every variable exactly as tf.train.adam does, step after step', async () => {
    await initBackend(backend);
    expect(tf.getBackend()).toBe(backend);
    const ours = train(new FusedAdamOptimizer(0.01), 25);
    const reference = tf.train.adam(0.01);
    const theirs = train(reference, 25);
    ours.values.forEach((v, i) => {
      let worst = 0;
      for (let j = 0; j < v.length; j++) worst = Math.max(worst, Math.abs(v[j] - theirs.values[i][j]));
      // Same float32 operations in the same order: equal bit for bit, not just within 1e-5.
      expect(worst).toBe(0);
    });
    expect(ours.leaked).toBe(0);
  });

  it("leaves a tensor that shares a variable's data untouched", async () => {
    await initBackend(backend);
    const w = tf.variable(tf.ones([4]));
    const alias = tf.clone(w);
    const optimizer = new FusedAdamOptimizer(0.1);
    tf.tidy(() => void optimizer.minimize(() => tf.sum(tf.mul(w, w)), false, [w]));
    expect(Array.from(alias.dataSync())).toEqual([1, 1, 1, 1]);
    expect(w.dataSync()[0]).toBeLessThan(1);
    optimizer.dispose();
    tf.dispose([w, alias]);
  });
});
