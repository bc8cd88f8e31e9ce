import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { buildModel } from '@core/training/model/build-model';
import { probeDiagnostics } from '@core/training/loop/diagnostics';
import { lossFunction } from '@core/training/model/losses';
import type { SplitTensors } from '@core/training/loop/training-data';
import type { ModelConfig } from '@shared/model-config';
import { smallConfig } from '@support/training';

beforeAll(async () => {
  await initBackend('wasm');
});

/** Two probe samples: only pixel 0 is lit (0.5 and 0.1); true classes 3 and 7. */
const PIXEL0 = [0.5, 0.1];
const LABELS = [3, 7];
const W_OUT = Array.from({ length: 10 }, (_, j) => (j - 4.5) * 0.8);
const B_OUT = Array.from({ length: 10 }, (_, j) => 0.1 * j);

function probe(): SplitTensors {
  const x = new Float32Array(2 * 784);
  PIXEL0.forEach((v, i) => (x[i * 784] = v));
  const y = new Float32Array(20);
  LABELS.forEach((c, i) => (y[i * 10 + c] = 1));
  return { x: tf.tensor2d(x, [2, 784]), y: tf.tensor2d(y, [2, 10]), labels: tf.tensor1d(LABELS, 'int32'), count: 2 };
}

/** hidden: one tanh unit, a = tanh(2·pixel0); output z_j = W_OUT[j]·a + B_OUT[j]. */
function tinyModel(config: ModelConfig): tf.Sequential {
  const model = buildModel(config);
  const hidden = new Float32Array(784);
  hidden[0] = 2;
  model.layers[0].setWeights([tf.tensor2d(hidden, [784, 1]), tf.zeros([1])]);
  model.layers[1].setWeights([tf.tensor2d(W_OUT, [1, 10]), tf.tensor1d(B_OUT)]);
  return model;
}

const hiddenOut = PIXEL0.map((p) => Math.tanh(2 * p));
const preActivations = hiddenOut.map((a) => W_OUT.map((w, j) => w * a + B_OUT[j]));
const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
const closeTo = (actual: number, expected: number): void => expect(Math.abs(actual - expected)).toBeLessThan(1e-3 * Math.max(1, Math.abs(expected)));

const made: tf.Sequential[] = [];
afterEach(() => made.splice(0).forEach((m) => m.dispose()));

function measure(overrides: Partial<ModelConfig>) {
  const config = smallConfig({ hiddenUnits: [1], hiddenActivation: 'tanh', ...overrides });
  const model = tinyModel(config);
  made.push(model);
  const p = probe();
  try {
    return probeDiagnostics(model, lossFunction(config.loss, config.targetEncoding), p, config, true);
  } finally {
    tf.dispose([p.x, p.y, p.labels]);
  }
}

describe('probe diagnostics: attenuation and output signal', () => {
  it('tanh + MSE: 1 − a² attenuation; gradient 2/10 (y − t)(1 − y²) per output; error |y_c − 1|', () => {
    const [hidden, output] = measure({ outputActivation: 'tanh', loss: 'mse', targetEncoding: 'oneHot01' });
    closeTo(hidden.attenuation ?? NaN, mean(hiddenOut.map((a) => 1 - a * a)));
    const y = preActivations.map((z) => z.map(Math.tanh));
    closeTo(output.attenuation ?? NaN, mean(y.flat().map((v) => 1 - v * v)));
    const t = LABELS.map((c) => Array.from({ length: 10 }, (_, j) => (j === c ? 1 : 0)));
    const gradients = y.map((row, i) => norm(row.map((v, j) => (2 / 10) * (v - t[i][j]) * (1 - v * v))));
    const errors = y.map((row, i) => Math.abs(row[LABELS[i]] - 1));
    expect(output.outputSignal?.gradient).toHaveLength(2);
    output.outputSignal?.gradient.forEach((g, i) => closeTo(g, gradients[i]));
    output.outputSignal?.error.forEach((e, i) => closeTo(e, errors[i]));
    expect(hidden.outputSignal).toBeUndefined();
  });

  it('softmax + cross-entropy: gradient p − t, error 1 − p_c; no attenuation for softmax', () => {
    const [hidden, output] = measure({ outputActivation: 'softmax', loss: 'categoricalCrossentropy', targetEncoding: 'oneHot01' });
    closeTo(hidden.attenuation ?? NaN, mean(hiddenOut.map((a) => 1 - a * a)));
    expect(output.attenuation).toBeNull();
    const p = preActivations.map((z) => {
      const e = z.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    });
    p.forEach((row, i) => {
      closeTo(output.outputSignal?.gradient[i] ?? NaN, norm(row.map((v, j) => v - (j === LABELS[i] ? 1 : 0))));
      closeTo(output.outputSignal?.error[i] ?? NaN, 1 - row[LABELS[i]]);
    });
  });

  it('±1 targets: the error is over the target range 2; relu attenuation is the active fraction', () => {
    const [hidden, output] = measure({ hiddenActivation: 'relu', outputActivation: 'tanh', loss: 'mse', targetEncoding: 'oneHotPlusMinus1' });
    // relu(2·pixel0) > 0 for both samples
    expect(hidden.attenuation).toBe(1);
    const reluOut = PIXEL0.map((p) => 2 * p);
    reluOut.forEach((a, i) => closeTo(output.outputSignal?.error[i] ?? NaN, Math.abs(Math.tanh(W_OUT[LABELS[i]] * a + B_OUT[LABELS[i]]) - 1) / 2));
  });

  it('leaves no tensor behind, and no output signal unless asked', () => {
    const config = smallConfig({ hiddenUnits: [1], hiddenActivation: 'tanh' });
    const model = tinyModel(config);
    made.push(model);
    const p = probe();
    const before = tf.memory().numTensors;
    const layers = probeDiagnostics(model, lossFunction(config.loss, config.targetEncoding), p, config);
    expect(tf.memory().numTensors).toBe(before);
    expect(layers[1].outputSignal).toBeUndefined();
    tf.dispose([p.x, p.y, p.labels]);
  });
});
