import { describe, expect, it } from 'vitest';
import { incompatibility, modelConfigSchema, type ModelConfig } from '@shared/model-config';
import { findPreset, PRESETS } from '@shared/presets';

const example1 = findPreset('example-1')!.config;
const messages = (config: unknown): string[] => {
  const result = modelConfigSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('model config', () => {
  it('accepts every preset', () => {
    for (const preset of PRESETS) expect(messages(preset.config), preset.id).toEqual([]);
  });

  it('reproduces the seed article: Keras defaults, Example 2 = Example 1 + rescale', () => {
    const { outputRescale, ...rest1 } = example1;
    const { outputRescale: rescale2, ...rest2 } = findPreset('example-2')!.config;
    expect(rest2).toEqual(rest1);
    expect([outputRescale, rescale2]).toEqual(['none', 'tanhToUnit']);
    expect(example1).toMatchObject({ hiddenUnits: [128], optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 10, initializer: 'glorotUniform' });
    expect(findPreset('example-3')!.config).toMatchObject({ hiddenActivation: 'relu', outputActivation: 'softmax', loss: 'categoricalCrossentropy' });
  });

  it('rejects cross-entropy on outputs that can be negative, saying why', () => {
    for (const outputActivation of ['tanh', 'linear'] as const) {
      for (const loss of ['categoricalCrossentropy', 'binaryCrossentropy'] as const) {
        const [message] = messages({ ...example1, loss, outputActivation });
        expect(message).toMatch(/^loss: .*negative.*log is undefined/);
      }
    }
  });

  it('rejects cross-entropy against −1/+1 targets and the rescale on non-tanh outputs', () => {
    expect(messages({ ...example1, loss: 'categoricalCrossentropy', outputActivation: 'softmax', targetEncoding: 'oneHotPlusMinus1' })[0]).toMatch(
      /^targetEncoding: /,
    );
    expect(messages({ ...example1, outputActivation: 'sigmoid', outputRescale: 'tanhToUnit' })[0]).toMatch(/^outputRescale: /);
  });

  it('bounds every numeric field', () => {
    const cases: [Partial<ModelConfig>, string][] = [
      [{ hiddenUnits: [] }, 'hiddenUnits'],
      [{ hiddenUnits: [1, 2, 3, 4, 5] }, 'hiddenUnits'],
      [{ hiddenUnits: [1025] }, 'hiddenUnits.0'],
      [{ learningRate: 0 }, 'learningRate'],
      [{ batchSize: 0 }, 'batchSize'],
      [{ epochs: 201 }, 'epochs'],
      [{ validationSplit: 0.9 }, 'validationSplit'],
      [{ seed: -1 }, 'seed'],
    ];
    for (const [patch, path] of cases) expect(messages({ ...example1, ...patch })[0], path).toMatch(new RegExp(`^${path.replace('.', '\\.')}: `));
  });

  it('incompatibility() returns null for a workable combination (MSE with tanh outputs)', () => {
    expect(incompatibility(example1)).toBeNull();
  });
});
