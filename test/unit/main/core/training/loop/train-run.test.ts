import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { trainRun } from '@core/training/loop/train-run';
import type { ModelConfig } from '@shared/model-config';
import { recorder, smallConfig, syntheticDataset, withoutTiming } from '@support/training';

const data = syntheticDataset();

beforeAll(async () => {
  await initBackend('wasm');
});

describe('trainRun', () => {
  const combos: [string, Partial<ModelConfig>][] = [
    ['mse, 0/1, tanh, adam', { loss: 'mse', outputActivation: 'tanh', hiddenActivation: 'tanh', outputRescale: 'tanhToUnit' }],
    ['mse, ±1, tanh, sgd', { loss: 'mse', outputActivation: 'tanh', targetEncoding: 'oneHotPlusMinus1', optimizer: 'sgd', learningRate: 0.1 }],
    ['categorical cross-entropy, softmax, momentum', { optimizer: 'momentum', learningRate: 0.05 }],
    ['binary cross-entropy, sigmoid, rmsprop', { loss: 'binaryCrossentropy', outputActivation: 'sigmoid', hiddenActivation: 'sigmoid', optimizer: 'rmsprop' }],
    ['mean absolute error, ±1, tanh', { loss: 'meanAbsoluteError', outputActivation: 'tanh', targetEncoding: 'oneHotPlusMinus1', initializer: 'heNormal' }],
    ['hinge, ±1, linear', { loss: 'hinge', outputActivation: 'linear', targetEncoding: 'oneHotPlusMinus1', hiddenActivation: 'elu' }],
    ['hinge, 0/1, tanh, two hidden layers', { loss: 'hinge', outputActivation: 'tanh', hiddenUnits: [16, 8], hiddenActivation: 'selu' }],
  ];

  it.each(combos)('trains one epoch with %s', async (_name, overrides) => {
    const calls = recorder();
    const outcome = await trainRun(smallConfig({ epochs: 2, ...overrides }), data, calls, () => false);
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('completed');
    expect(outcome.backend).toBe('wasm');
    expect(calls.backends).toEqual(['wasm']);
    expect(calls.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    const last = calls.epochs[1];
    expect(Number.isFinite(last.trainLoss)).toBe(true);
    expect(last.trainLoss).toBeLessThan(calls.epochs[0].trainLoss);
    // Some pairings (MAE, hinge) learn slowly: the claim here is only that they train, not how well.
    expect(last.valAccuracy).toBeGreaterThanOrEqual(0);
    expect(last.valAccuracy).toBeLessThanOrEqual(1);
    expect(last.layers.map((l) => l.layer)).toEqual([...(overrides.hiddenUnits ?? [16]).map((_, k) => `dense${k + 1}`), 'output']);
    const evaluation = outcome.evaluation;
    expect(evaluation?.testSize).toBe(200);
    expect(evaluation?.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
    expect(evaluation?.perClass.map((c) => c.support)).toEqual(new Array(10).fill(20));
    expect(evaluation?.misclassifiedCount).toBe(evaluation?.misclassified.length);
    expect(evaluation?.testAccuracy).toBeCloseTo(1 - (evaluation?.misclassifiedCount ?? 0) / 200, 10);
    expect(outcome.model?.weightData.byteLength).toBeGreaterThan(0);
  });

  it('trains on a trainSize subset (test split unchanged) and fails clearly when trainSize exceeds the split', async () => {
    const calls = recorder();
    const outcome = await trainRun(smallConfig({ epochs: 1, validationSplit: 0, trainSize: 300, batchSize: 32 }), data, calls, () => false);
    expect(outcome.status).toBe('completed');
    expect(calls.batches.at(-1)?.batchesPerEpoch).toBe(Math.ceil(300 / 32));
    expect(outcome.evaluation?.testSize).toBe(200);
    const tooLarge = await trainRun(smallConfig({ trainSize: 601 }), data, recorder(), () => false);
    expect(tooLarge.status).toBe('failed');
    expect(tooLarge.error).toContain('trainSize 601 exceeds the 600 samples');
  });

  it('reports diagnostics, progress and a null validation when validationSplit is 0', async () => {
    const calls = recorder(42);
    await trainRun(smallConfig({ validationSplit: 0, hiddenActivation: 'tanh', outputActivation: 'tanh', loss: 'mse' }), data, calls, () => false);
    const [epoch] = calls.epochs;
    expect(epoch.valLoss).toBeNull();
    expect(epoch.valAccuracy).toBeNull();
    expect(epoch.layers[0]).toMatchObject({ layer: 'dense1', activation: 'tanh', deadFraction: null });
    expect(epoch.layers[0].saturatedFraction).toBeGreaterThanOrEqual(0);
    expect(epoch.layers[1].gradientNorm).toBeGreaterThan(0);
    const last = calls.batches.at(-1);
    expect(last).toMatchObject({ runId: 42, epoch: 1, batch: 19, batchesPerEpoch: 19 });
    expect(last?.etaSeconds).toBe(0);
    const relu = recorder();
    await trainRun(smallConfig(), data, relu, () => false);
    expect(relu.epochs[0].layers[0].deadFraction).toBeGreaterThanOrEqual(0);
    expect(relu.epochs[0].layers[0].saturatedFraction).toBeNull();
  });

  it('is deterministic for the same seed and config', async () => {
    const config = smallConfig({ epochs: 2, hiddenActivation: 'tanh' });
    const [a, b] = [recorder(), recorder()];
    const first = await trainRun(config, data, a, () => false);
    const second = await trainRun(config, data, b, () => false);
    expect(withoutTiming(b.epochs)).toEqual(withoutTiming(a.epochs));
    expect(second.evaluation).toEqual(first.evaluation);
    const other = recorder();
    await trainRun({ ...config, seed: 8 }, data, other, () => false);
    expect(other.epochs[0].trainLoss).not.toBe(a.epochs[0].trainLoss);
  });

  it('stops mid-epoch with the model trained so far and an evaluation', async () => {
    const calls = recorder();
    let polls = 0;
    const outcome = await trainRun(smallConfig({ epochs: 3, batchSize: 16 }), data, calls, () => ++polls > 40);
    expect(outcome.status).toBe('stopped');
    expect(calls.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(outcome.evaluation?.testSize).toBe(200);
    expect(outcome.model).not.toBeNull();
  });

  it('reports divergence with the epoch and keeps the epochs before it', async () => {
    const calls = recorder();
    const config = smallConfig({ optimizer: 'sgd', learningRate: 1, hiddenActivation: 'tanh', outputActivation: 'linear', loss: 'mse', epochs: 8 });
    const outcome = await trainRun(config, data, calls, () => false);
    expect(outcome.status).toBe('diverged');
    expect(calls.epochs.length).toBeGreaterThan(0);
    expect(calls.epochs.every((e) => Number.isFinite(e.trainLoss))).toBe(true);
    expect(outcome.error).toContain(`epoch ${calls.epochs.length + 1}`);
    expect(outcome.error).toContain('lower the learning rate');
    const fast = await trainRun({ ...config, learningRate: 10, hiddenActivation: 'linear' }, data, recorder(), () => false);
    expect(fast.status).toBe('diverged');
    expect(fast.model).toBeNull();
  });

  it('keeps the tensor count flat across epochs and runs', async () => {
    const counts: number[] = [];
    const calls = recorder();
    calls.onEpoch = () => counts.push(tf.memory().numTensors);
    const before = tf.memory().numTensors;
    await trainRun(smallConfig({ epochs: 3 }), data, calls, () => false);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
