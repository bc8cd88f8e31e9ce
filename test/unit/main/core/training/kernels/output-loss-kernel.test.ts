import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { outputLossOp } from '@core/training/kernels/output-loss-kernel';
import { OUTPUT_LOSS_ACTIVATIONS, OUTPUT_LOSSES, type OutputLoss, type OutputLossActivation } from '@core/training/kernels/output-loss-math';
import { lossFunction } from '@core/training/model/losses';
import { countCorrect } from '@core/training/loop/evaluate';

afterAll(async () => {
  await initBackend('wasm');
});

/** tf's own path: activation as tf.layers applies it, then losses.ts, differentiated by tf. */
function reference(
  z: tf.Tensor2D,
  y: tf.Tensor2D,
  labels: tf.Tensor1D,
  activation: OutputLossActivation,
  loss: OutputLoss,
): { loss: number; correct: number; dz: Float32Array } {
  const act = (t: tf.Tensor2D): tf.Tensor2D =>
    activation === 'softmax' ? tf.softmax(t) : activation === 'tanh' ? tf.tanh(t) : activation === 'sigmoid' ? tf.sigmoid(t) : t;
  const f = lossFunction(loss, 'oneHot01');
  const { value, grads } = tf.variableGrads(() => f(y, act(z as tf.Variable as tf.Tensor2D)), [z as tf.Variable]);
  const correct = countCorrect(act(z), labels).dataSync()[0];
  return { loss: value.dataSync()[0], correct, dz: Float32Array.from(Object.values(grads)[0].dataSync()) };
}

function ours(
  z: tf.Tensor2D,
  y: tf.Tensor2D,
  labels: tf.Tensor1D,
  activation: OutputLossActivation,
  loss: OutputLoss,
): { loss: number; correct: number; dz: Float32Array } {
  let correct = 0;
  const { value, grads } = tf.variableGrads(() => {
    const [l, c] = outputLossOp(z, y, labels, activation, loss);
    correct = c.dataSync()[0];
    return l;
  }, [z as tf.Variable]);
  return { loss: value.dataSync()[0], correct, dz: Float32Array.from(Object.values(grads)[0].dataSync()) };
}

const maxDiff = (a: Float32Array, b: Float32Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

const cases = OUTPUT_LOSS_ACTIVATIONS.flatMap((activation) => OUTPUT_LOSSES.map((loss) => [activation, loss] as const));

describe.each(['wasm', 'cpu'] as const)('LossLabOutputLoss on %s', (backend) => {
  it.each(cases)("matches tf's loss, correct count and gradient for %s + %s, with ordinary and saturating logits", async (activation, loss) => {
    await initBackend(backend);
    expect(tf.getBackend()).toBe(backend);
    // Rows 0–5 ordinary, rows 6–7 so large that softmax clips at ε and 1−ε (Keras's clip zeroes gradients there).
    const values = tf.tidy(() => tf.randomNormal([8, 10], 0, 1.5, 'float32', 5).dataSync());
    values[6 * 10 + 7] = 40; // right and certain: p = 1 − tiny, clipped at 1 − ε
    values[7 * 10 + 5] = -40; // wrong and certain: p(label) = tiny, clipped at ε
    const z = tf.variable(tf.tensor2d(values, [8, 10]));
    const labels = tf.tensor1d([3, 1, 9, 4, 1, 2, 7, 5], 'int32');
    const y = tf.oneHot(labels, 10).toFloat() as tf.Tensor2D;
    const expected = reference(z, y, labels, activation, loss);
    const got = ours(z, y, labels, activation, loss);
    expect(Math.abs(got.loss - expected.loss)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected.loss)));
    expect(got.correct).toBe(expected.correct);
    expect(maxDiff(got.dz, expected.dz)).toBeLessThan(1e-5);
    tf.dispose([z, labels, y]);
  });

  it('leaks no tensors', async () => {
    await initBackend(backend);
    const z = tf.variable(tf.randomNormal([4, 10], 0, 1, 'float32', 1) as tf.Tensor2D);
    const labels = tf.tensor1d([1, 2, 3, 4], 'int32');
    const y = tf.oneHot(labels, 10).toFloat() as tf.Tensor2D;
    ours(z, y, labels, 'softmax', 'categoricalCrossentropy');
    const before = tf.memory().numTensors;
    tf.tidy(() => ours(z, y, labels, 'softmax', 'categoricalCrossentropy'));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, labels, y]);
  });
});
