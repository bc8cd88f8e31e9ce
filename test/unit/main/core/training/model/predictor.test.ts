import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { buildModel } from '@core/training/model/build-model';
import { loadPredictor } from '@core/training/model/predictor';
import { loadSavedModel, saveModel } from '@core/training/model/saved-model';
import { scalePixels } from '@core/training/loop/training-data';
import { trainRun } from '@core/training/loop/train-run';
import { recorder, smallConfig, syntheticDataset } from '@support/training';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('loadPredictor', () => {
  it('predicts after a save/reload round trip exactly as the trained model, and agrees with the evaluation', async () => {
    const data = syntheticDataset();
    const config = smallConfig({ hiddenActivation: 'tanh', outputActivation: 'tanh', loss: 'mse', outputRescale: 'tanhToUnit', epochs: 2 });
    const outcome = await trainRun(config, data, recorder(), () => false);
    if (outcome.model === null || outcome.evaluation === null) throw new Error(`training failed: ${outcome.error}`);
    const predictor = await loadPredictor(outcome.model, config);
    const reloaded = await loadSavedModel(outcome.model);
    try {
      for (let i = 0; i < 5; i++) {
        const pixels = scalePixels(data.test.images.subarray(i * 784, (i + 1) * 784));
        const outputs = predictor.predict(pixels);
        const direct = tf.tidy(() => Array.from((reloaded.predict(tf.tensor2d(pixels, [1, 784])) as tf.Tensor).dataSync()));
        expect(outputs).toHaveLength(10);
        expect(outputs).toEqual(direct.map((p) => (p + 1) / 2));
        const wrong = outcome.evaluation.misclassified.find((m) => m.index === i);
        if (wrong) expect(outputs.map((v) => Math.fround(v))).toEqual(wrong.probabilities.map((v) => Math.fround(v)));
      }
    } finally {
      predictor.dispose();
      reloaded.dispose();
    }
    expect(() => predictor.predict(new Array(784).fill(0))).toThrow(/disposed/);
  });

  it('reloads weights identical to the saved ones', async () => {
    const model = buildModel(smallConfig());
    const saved = await saveModel(model);
    const copy = await loadSavedModel(saved);
    try {
      const a = model.getWeights().map((w) => Array.from(w.dataSync()));
      const b = copy.getWeights().map((w) => Array.from(w.dataSync()));
      expect(b).toEqual(a);
      expect(copy.layers.map((l) => l.name)).toEqual(['dense1', 'output']);
    } finally {
      model.dispose();
      copy.dispose();
    }
  });
});
