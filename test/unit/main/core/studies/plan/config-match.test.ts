import { describe, expect, it } from 'vitest';
import { configurationKeyOf, presetIdFor } from '@core/studies/plan/config-match';
import { expandStudy, seedArticleConfigurations } from '@core/studies/plan/expand';
import { findPreset } from '@shared/presets';

const example1 = findPreset('example-1')!.config;

describe('which configuration a study run belongs to', () => {
  it('tells configurations apart by everything but the seed, the training-set size included', () => {
    const { configurations } = expandStudy(
      example1,
      [
        { field: 'learningRate', levels: [0.001, 0.01] },
        { field: 'trainSize', levels: [500, 1000] },
      ],
      2,
    );
    expect(configurations).toHaveLength(4);
    for (const c of configurations) expect(configurationKeyOf({ ...c.config, seed: 2 }, configurations)).toBe(c.key);
    expect(configurationKeyOf({ ...configurations[0].config, epochs: 3 }, configurations)).toBeNull();
  });
});

describe('which preset a configuration is', () => {
  it("is the built-in study's preset at every size and number of epochs", () => {
    for (const c of seedArticleConfigurations(3, [1000, 5000])) expect(presetIdFor(c)).toBe(c.key.split('@')[0]);
    for (const c of seedArticleConfigurations(3)) expect(presetIdFor(c)).toBe(c.key);
  });

  it('is the base preset for the levels that change only procedural fields, none for the others', () => {
    const { configurations } = expandStudy(
      example1,
      [
        { field: 'learningRate', levels: [0.001, 0.01] },
        { field: 'trainSize', levels: [500, 1000] },
      ],
      1,
    );
    const presets = Object.fromEntries(configurations.map((c) => [c.key, presetIdFor(c)]));
    expect(presets).toEqual({
      'learningRate=0.001,trainSize=500': 'example-1',
      'learningRate=0.001,trainSize=1000': 'example-1',
      'learningRate=0.01,trainSize=500': null,
      'learningRate=0.01,trainSize=1000': null,
    });
  });
});
