import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '@shared/model-config';
import { configFingerprint, isStillPreset, presetOf, PROCEDURAL_FIELDS } from '@shared/preset-match';
import { findPreset, PRESETS } from '@shared/presets';

const example1 = findPreset('example-1')!;
const example3 = findPreset('example-3')!;

describe('is this run still the preset?', () => {
  it('yes while only the seed, the epochs or the training-set size differ', () => {
    expect(PROCEDURAL_FIELDS).toEqual(['seed', 'epochs', 'trainSize']);
    expect(isStillPreset(example3.config, example3)).toBe(true);
    expect(isStillPreset({ ...example3.config, seed: 7, epochs: 2, trainSize: 1000 }, example3)).toBe(true);
  });

  it('no once any model-defining field differs', () => {
    const edits: Partial<ModelConfig>[] = [
      { hiddenUnits: [64] },
      { hiddenActivation: 'tanh' },
      { loss: 'mse' },
      { targetEncoding: 'oneHotPlusMinus1' },
      { optimizer: 'sgd' },
      { learningRate: 0.01 },
      { batchSize: 64 },
      { validationSplit: 0.1 },
      { initializer: 'heNormal' },
    ];
    for (const edit of edits) expect(isStillPreset({ ...example3.config, ...edit }, example3), JSON.stringify(edit)).toBe(false);
    expect(isStillPreset(example1.config, example3)).toBe(false);
  });

  it('ignores property order, and takes an optional field set to undefined as absent', () => {
    const reordered = Object.fromEntries(Object.entries(example3.config).reverse()) as ModelConfig;
    expect(isStillPreset(reordered, example3)).toBe(true);
    expect(configFingerprint({ ...example3.config, trainSize: undefined }, [])).toBe(configFingerprint(example3.config, []));
    expect(configFingerprint({ ...example3.config, trainSize: 500 }, [])).not.toBe(configFingerprint(example3.config, []));
  });

  it('finds the one preset a config still is', () => {
    expect(presetOf({ ...example1.config, epochs: 3, seed: 4 })?.id).toBe('example-1');
    expect(presetOf({ ...example1.config, learningRate: 0.5 })).toBeUndefined();
    // No two presets are the same model, so a config is at most one of them.
    for (const p of PRESETS) expect(PRESETS.filter((q) => isStillPreset(p.config, q)).map((q) => q.id)).toEqual([p.id]);
  });
});
