/**
 * The quick check on the MNIST sample (8,000 train / 2,000 test): the seed article's Example 3 reaches
 * ≥ 0.93 test accuracy in 10 epochs, and Example 1 (tanh + MSE) learns more slowly in its first epoch (test
 * accuracy after epoch 1). The full-MNIST figures are checked in mnist-accuracy.test.ts.
 * Slow (about a minute on the WASM backend); it logs the accuracies and samples/s it measured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEmbeddedDataset } from '@core/datasets/embedded';
import { initBackend } from '@core/training/backend/backend';
import { trainRun } from '@core/training/loop/train-run';
import { findPreset } from '@shared/presets';
import type { ModelConfig } from '@shared/model-config';
import { recorder } from '@support/training';

const dataset = buildEmbeddedDataset();
let backend = '';

beforeAll(async () => {
  backend = (await initBackend('wasm')).name;
});

function preset(id: string): ModelConfig {
  const config = findPreset(id)?.config;
  if (!config) throw new Error(`no preset ${id}`);
  return config;
}

async function train(config: ModelConfig): Promise<{ accuracy: number; epochs: ReturnType<typeof recorder>['epochs'] }> {
  const calls = recorder();
  const outcome = await trainRun(config, dataset, calls, () => false);
  if (outcome.evaluation === null) throw new Error(`training ended ${outcome.status}: ${outcome.error}`);
  const rates = calls.epochs.map((e) => Math.round(e.samplesPerSecond));
  console.info(
    `${backend}: test accuracy ${outcome.evaluation.testAccuracy.toFixed(4)}; test accuracy by epoch ${calls.epochs.map((e) => e.testAccuracy?.toFixed(3)).join(' ')}; samples/s ${rates.join(' ')}`,
  );
  return { accuracy: outcome.evaluation.testAccuracy, epochs: calls.epochs };
}

describe('presets on the real embedded digits', () => {
  it('has the documented split', () => {
    expect([dataset.train.count, dataset.test.count]).toEqual([8000, 2000]);
  });

  it('Example 3 (relu + softmax + cross-entropy) reaches ≥ 0.93 test accuracy; Example 1 starts slower', async () => {
    const example3 = await train(preset('example-3'));
    expect(example3.accuracy).toBeGreaterThanOrEqual(0.93);
    const example1 = await train({ ...preset('example-1'), epochs: 1 });
    expect(example1.epochs).toHaveLength(1);
    expect(example1.accuracy).toBeGreaterThan(0.5);
    expect(example1.epochs[0].testAccuracy ?? 1).toBeLessThan(example3.epochs[0].testAccuracy ?? 0);
    expect(example1.epochs[0].trainAccuracy).toBeLessThan(example3.epochs[0].trainAccuracy);
  }, 600_000);
});
