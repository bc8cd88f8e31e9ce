import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { measure, modelForward, predictAll } from '@core/training/loop/evaluate';
import { createStepContext, stepForward } from '@core/training/loop/train-step';
import { disposeSplit, splitTensors } from '@core/training/loop/training-data';
import { smallConfig, syntheticSplit } from '@support/training';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('measure and predictAll', () => {
  it('give the same figures in chunks (12,500 rows: one full chunk and a part) as in one forward pass', () => {
    const config = smallConfig();
    const ctx = createStepContext(config);
    const split = splitTensors(syntheticSplit(12_500, 5), config.targetEncoding);
    try {
      const { loss, accuracy } = measure(modelForward(ctx.model), ctx.loss, split);
      const [wholeLoss, wholeCorrect] = tf.tidy(() => {
        const outputs = ctx.model.apply(split.x) as tf.Tensor2D;
        const correct = tf.sum(tf.cast(tf.equal(tf.argMax(outputs, 1), split.labels), 'float32'));
        return [ctx.loss(split.y, outputs).dataSync()[0], correct.dataSync()[0]];
      });
      expect(loss).toBeCloseTo(wholeLoss, 5);
      expect(accuracy).toBe(wholeCorrect / 12_500);
      const outputs = predictAll(ctx.model, split.x, 'none');
      const whole = tf.tidy(() => (ctx.model.apply(split.x) as tf.Tensor2D).dataSync());
      expect(outputs.length).toBe(12_500 * 10);
      expect(Array.from(outputs.subarray(10_000 * 10, 10_000 * 10 + 10))).toEqual(Array.from(whole.subarray(10_000 * 10, 10_000 * 10 + 10)));
      expect(Array.from(outputs.subarray(0, 10))).toEqual(Array.from(whole.subarray(0, 10)));
    } finally {
      disposeSplit(split);
      ctx.optimizer.dispose();
      ctx.model.dispose();
    }
  });

  it.each(['wasm', 'cpu'] as const)('measure the same through the training forward pass (each epoch) as through the model (%s)', async (backend) => {
    await initBackend(backend);
    for (const preset of [
      smallConfig(),
      { ...smallConfig(), hiddenActivation: 'relu' as const, outputActivation: 'softmax' as const, loss: 'categoricalCrossentropy' as const },
    ]) {
      const ctx = createStepContext(preset);
      const split = splitTensors(syntheticSplit(6_000, 7), preset.targetEncoding);
      try {
        const ours = measure(stepForward(ctx), ctx.loss, split);
        const model = measure(modelForward(ctx.model), ctx.loss, split);
        expect(ours.loss).toBeCloseTo(model.loss, 5);
        expect(ours.accuracy).toBe(model.accuracy);
      } finally {
        disposeSplit(split);
        ctx.optimizer.dispose();
        ctx.model.dispose();
      }
    }
    await initBackend('wasm');
  });
});
