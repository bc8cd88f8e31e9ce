import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { buildModel } from '@core/training/model/build-model';
import { denseForward, denseParams } from '@core/training/model/dense-forward';
import { DENSE_OP_ACTIVATIONS, denseOp } from '@core/training/model/dense-op';
import { lossFunction } from '@core/training/model/losses';
import type { ModelConfig } from '@shared/model-config';
import { PRESETS } from '@shared/presets';
import { smallConfig } from '@support/training';
import { maxDiff, referenceDense as reference } from '@support/dense-reference';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('denseOp', () => {
  const x = tf.randomUniform([5, 7], 0, 1, 'float32', 1) as tf.Tensor2D;
  const w = tf.randomNormal([7, 4], 0, 0.5, 'float32', 2) as tf.Tensor2D;
  const b = tf.randomNormal([4], 0, 0.5, 'float32', 3) as tf.Tensor1D;
  const dy = tf.randomNormal([5, 4], 0, 1, 'float32', 4) as tf.Tensor2D;
  // Weighting by a fixed dy makes every output element matter to the gradient.
  const objective = (f: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D) => (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
    tf.sum(tf.mul(f(xi as tf.Tensor2D, wi as tf.Tensor2D, bi as tf.Tensor1D), dy));

  it.each(DENSE_OP_ACTIVATIONS)('matches tf forward and gradients (x, W, b) with %s', (activation) => {
    tf.tidy(() => {
      const ours = tf.grads(objective((a, k, c) => denseOp(a, k, c, activation, true)))([x, w, b]);
      const theirs = tf.grads(objective((a, k, c) => reference(a, k, c, activation)))([x, w, b]);
      expect(maxDiff(denseOp(x, w, b, activation, true), reference(x, w, b, activation))).toBeLessThan(1e-5);
      ours.forEach((g, i) => {
        expect(g.shape).toEqual(theirs[i].shape);
        expect(maxDiff(g, theirs[i])).toBeLessThan(1e-5);
      });
    });
  });

  it.each(DENSE_OP_ACTIVATIONS)('matches tf gradients (W, b) when the input is data, with %s', (activation) => {
    tf.tidy(() => {
      const f = (wi: tf.Tensor, bi: tf.Tensor): tf.Scalar => tf.sum(tf.mul(denseOp(x, wi as tf.Tensor2D, bi as tf.Tensor1D, activation, false), dy));
      const g = (wi: tf.Tensor, bi: tf.Tensor): tf.Scalar => tf.sum(tf.mul(reference(x, wi as tf.Tensor2D, bi as tf.Tensor1D, activation), dy));
      const ours = tf.grads(f)([w, b]);
      const theirs = tf.grads(g)([w, b]);
      ours.forEach((grad, i) => expect(maxDiff(grad, theirs[i])).toBeLessThan(1e-5));
    });
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads(objective((a, k, c) => denseOp(a, k, c, 'tanh', true)))([x, w, b]);
      tf.grads((wi: tf.Tensor, bi: tf.Tensor) => tf.sum(denseOp(x, wi as tf.Tensor2D, bi as tf.Tensor1D, 'relu', false)))([w, b]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('denseForward', () => {
  const configs: [string, ModelConfig][] = [
    ...PRESETS.map((p): [string, ModelConfig] => [p.id, { ...p.config, hiddenUnits: [16] }]),
    ['elu hidden, linear output, two layers', smallConfig({ hiddenActivation: 'elu', outputActivation: 'linear', loss: 'mse', hiddenUnits: [16, 8] })],
    ['selu hidden, sigmoid output', smallConfig({ hiddenActivation: 'selu', outputActivation: 'sigmoid', loss: 'binaryCrossentropy' })],
  ];

  it.each(configs)('gives the Layers model outputs and loss gradients for %s', (_name, config) => {
    const model = buildModel(config);
    const params = denseParams(model, config);
    const variables = params.flatMap((p) => [p.kernel, p.bias]);
    const loss = lossFunction(config.loss, config.targetEncoding);
    tf.tidy(() => {
      const x = tf.randomUniform([6, 784], 0, 1, 'float32', 5) as tf.Tensor2D;
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5], 'int32'), 10).toFloat() as tf.Tensor2D;
      expect(maxDiff(denseForward(params, x), model.apply(x) as tf.Tensor)).toBeLessThan(1e-5);
      const ours = tf.variableGrads(() => loss(y, denseForward(params, x)), variables).grads;
      const theirs = tf.variableGrads(() => loss(y, model.apply(x, { training: true }) as tf.Tensor2D), variables).grads;
      for (const v of variables) expect(maxDiff(ours[v.name], theirs[v.name])).toBeLessThan(1e-5);
    });
    model.dispose();
  });
});
