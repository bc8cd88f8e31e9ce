import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { buildModel } from '@core/training/model/build-model';
import { PRESETS } from '@shared/presets';
import { smallConfig } from '@support/training';

beforeAll(async () => {
  await initBackend('wasm');
});

function kernelOf(model: tf.LayersModel, layer: number): Float32Array {
  return model.layers[layer].getWeights()[0].dataSync() as Float32Array;
}

describe('buildModel', () => {
  it.each(PRESETS.map((p) => [p.id, p.config] as const))('builds preset %s as 784 → hidden → 10 with its activations', (_id, config) => {
    const model = buildModel(config);
    try {
      expect(model.layers.map((l) => l.name)).toEqual([...config.hiddenUnits.map((_, k) => `dense${k + 1}`), 'output']);
      const shapes = model.layers.map((l) => l.getWeights().map((w) => w.shape));
      expect(shapes).toEqual([
        [[784, 128], [128]],
        [[128, 10], [10]],
      ]);
      const activations = model.layers.map((l) => (l.getConfig() as { activation: string }).activation);
      expect(activations).toEqual([config.hiddenActivation, config.outputActivation]);
    } finally {
      model.dispose();
    }
  });

  it('draws the same seeded weights for the same seed, different ones per layer and seed, and zero biases', () => {
    const [a, b, c] = [
      buildModel(smallConfig({ hiddenUnits: [16, 16] })),
      buildModel(smallConfig({ hiddenUnits: [16, 16] })),
      buildModel(smallConfig({ hiddenUnits: [16, 16], seed: 8 })),
    ];
    try {
      expect(kernelOf(a, 0)).toEqual(kernelOf(b, 0));
      expect(kernelOf(a, 2)).toEqual(kernelOf(b, 2));
      expect(kernelOf(a, 0)).not.toEqual(kernelOf(c, 0));
      expect(Array.from(kernelOf(a, 1).slice(0, 16))).not.toEqual(Array.from(kernelOf(a, 0).slice(0, 16)));
      for (const layer of a.layers) expect(Array.from(layer.getWeights()[1].dataSync()).every((v) => v === 0)).toBe(true);
    } finally {
      [a, b, c].forEach((m) => m.dispose());
    }
  });
});
