import { describe, expect, it } from 'vitest';
import { startedRunLabels } from '@core/lab/run-handlers';
import { findPreset } from '@shared/presets';
import { defaultRunName } from '@shared/run-name';

const example3 = findPreset('example-3')!;
const start = (over: Partial<Parameters<typeof startedRunLabels>[0]>) => startedRunLabels({ config: example3.config, datasetId: 'mnist-embedded', ...over });

describe('the name and preset a started run is stored with', () => {
  it('keeps the preset while only seed, epochs or training-set size changed, and names the run as the form does', () => {
    const config = { ...example3.config, epochs: 2, seed: 3 };
    expect(start({ config, presetId: 'example-3' })).toEqual({
      name: 'Example 3: relu + softmax + cross-entropy (edited: epochs 2) · seed 3',
      presetId: 'example-3',
    });
    expect(start({ config, presetId: 'example-3' }).name).toBe(defaultRunName(example3, config));
  });

  it('drops a preset the config no longer is, or one that does not exist, whoever sent it', () => {
    const config = { ...example3.config, learningRate: 0.01 };
    expect(start({ config, presetId: 'example-3' })).toEqual({
      name: 'Example 3: relu + softmax + cross-entropy (edited: learning rate 0.01) · seed 1',
      presetId: null,
    });
    expect(start({ presetId: 'no-such-preset' })).toEqual({ name: 'relu → softmax, categorical cross-entropy · seed 1', presetId: null });
  });

  it('keeps a given name, and names a run without a preset by its architecture', () => {
    expect(start({ name: 'mine', presetId: 'example-3' })).toEqual({ name: 'mine', presetId: 'example-3' });
    expect(start({})).toEqual({ name: 'relu → softmax, categorical cross-entropy · seed 1', presetId: null });
  });
});
