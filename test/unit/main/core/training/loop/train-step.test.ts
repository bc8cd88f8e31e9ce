import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { createStepContext, fusedOutputLoss, trainStep, type StepContext } from '@core/training/loop/train-step';
import type { ModelConfig } from '@shared/model-config';
import { PRESETS } from '@shared/presets';

afterAll(async () => {
  await initBackend('wasm');
});

/** Weights, losses and correct counts after `steps` training steps on fixed random batches. */
function run(ctx: StepContext, steps: number): { weights: Float32Array[]; losses: number[]; correct: number[] } {
  const losses: number[] = [];
  const correct: number[] = [];
  for (let s = 0; s < steps; s++) {
    tf.tidy(() => {
      const x = tf.randomUniform([32, 784], 0, 1, 'float32', 100 + s) as tf.Tensor2D;
      const labels = tf.tensor1d(
        Array.from({ length: 32 }, (_, i) => (i * 7 + s) % 10),
        'int32',
      );
      const y = tf.oneHot(labels, 10).toFloat() as tf.Tensor2D;
      const step = trainStep(ctx, x, y, labels);
      losses.push(step.loss.dataSync()[0]);
      correct.push(step.correct.dataSync()[0]);
    });
  }
  const weights = ctx.variables.map((v) => Float32Array.from(v.dataSync()));
  ctx.optimizer.dispose();
  ctx.model.dispose();
  return { weights, losses, correct };
}

/** The same model trained by tfjs's own ops: the loss of losses.ts and tf.train.adam. */
function tfjsOwn(config: ModelConfig): StepContext {
  const ctx = createStepContext(config);
  ctx.optimizer.dispose();
  return { ...ctx, outputLoss: null, optimizer: tf.train.adam(config.learningRate) };
}

describe.each(['wasm', 'cpu'] as const)('trainStep with Loss Lab kernels on %s', (backend) => {
  it.each(PRESETS.map((p): [string, ModelConfig] => [p.id, { ...p.config, hiddenUnits: [32] }]))(
    "trains %s as tfjs's own ops and Adam do, within 1e-5",
    async (_id, config) => {
      await initBackend(backend);
      const fused = createStepContext(config);
      expect(fused.outputLoss).not.toBeNull();
      const ours = run(fused, 6);
      const theirs = run(tfjsOwn(config), 6);
      ours.weights.forEach((w, i) => expect(w.reduce((m, v, j) => Math.max(m, Math.abs(v - theirs.weights[i][j])), 0)).toBeLessThan(1e-5));
      ours.losses.forEach((l, i) => expect(Math.abs(l - theirs.losses[i])).toBeLessThan(1e-5));
      expect(ours.correct).toEqual(theirs.correct);
    },
  );
});

describe('fusedOutputLoss', () => {
  it("is used on wasm and cpu for the presets' output layers, and skipped on the native backend and for other losses", () => {
    expect(fusedOutputLoss({ outputActivation: 'softmax', loss: 'categoricalCrossentropy' }, 'wasm')).toEqual({
      activation: 'softmax',
      loss: 'categoricalCrossentropy',
    });
    expect(fusedOutputLoss({ outputActivation: 'tanh', loss: 'mse' }, 'cpu')).toEqual({ activation: 'tanh', loss: 'mse' });
    expect(fusedOutputLoss({ outputActivation: 'tanh', loss: 'mse' }, 'tensorflow')).toBeNull();
    expect(fusedOutputLoss({ outputActivation: 'sigmoid', loss: 'binaryCrossentropy' }, 'wasm')).toBeNull();
    expect(fusedOutputLoss({ outputActivation: 'linear', loss: 'hinge' }, 'wasm')).toBeNull();
  });
});
