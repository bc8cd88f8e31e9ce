import { describe, expect, it } from 'vitest';
import { PRESETS } from '@shared/presets';
import type { ModelConfig } from '@shared/model-config';
import { configErrors } from '@renderer/runs/config-errors';
import { configurationCount, FACTORS, factorError, levelsOf, parseNumbers } from '@renderer/studies/study-factors';

const base = (over: Partial<ModelConfig> = {}): ModelConfig => ({ ...structuredClone(PRESETS[0].config), ...over });

describe('configErrors', () => {
  it('is empty for every preset', () => {
    for (const p of PRESETS) expect(configErrors(p.config)).toEqual({});
  });

  it('names the field of an out-of-range value with the schema message', () => {
    expect(configErrors(base({ learningRate: 0 }))).toEqual({ learningRate: 'learning rate must be above 0' });
    expect(configErrors(base({ hiddenUnits: [128, 64, 32, 16, 8] }))).toEqual({ hiddenUnits: 'at most 4 hidden layers' });
    expect(configErrors(base({ hiddenUnits: [0] })).hiddenUnits).toBe('a layer needs at least 1 unit');
  });

  it('asks for a number when a field is emptied', () => {
    expect(configErrors(base({ batchSize: Number.NaN })).batchSize).toBe('enter a number');
  });

  it('shows the incompatibility beside its field, even while another field is invalid', () => {
    const errors = configErrors(base({ loss: 'categoricalCrossentropy', outputActivation: 'tanh', epochs: 0 }));
    expect(errors.loss).toMatch(/log/);
    expect(errors.epochs).toBeDefined();
    expect(configErrors(base({ outputRescale: 'tanhToUnit', outputActivation: 'softmax', loss: 'mse' })).outputRescale).toMatch(/tanh/);
  });
});

describe('one voice for validation messages', () => {
  it('says what to do for every numeric field, never the schema library’s raw text', () => {
    const errors = configErrors(base({ epochs: 0, batchSize: 0, validationSplit: 0.9, seed: -1 }));
    expect(errors).toEqual({
      epochs: 'train at least 1 epoch',
      batchSize: 'batch size must be from 1 to 8192',
      validationSplit: 'validation split must be from 0 to 0.5',
      seed: 'the seed must be 0 or more',
    });
    expect(configErrors(base({ epochs: 2.5 })).epochs).toBe('epochs must be a whole number');
  });

  it('names losses in the combination message as the select does', () => {
    const message = configErrors(base({ loss: 'categoricalCrossentropy', outputActivation: 'tanh' })).loss ?? '';
    expect(message).toContain('categorical cross-entropy takes the log');
    expect(message).not.toContain('categoricalCrossentropy');
  });
});

describe('study factors', () => {
  it('parses numeric levels', () => {
    expect(parseNumbers('0.001, 0.01 0.1', false)).toEqual([0.001, 0.01, 0.1]);
    expect(parseNumbers('32, 12.5', true)).toBeNull();
    expect(parseNumbers('a', false)).toBeNull();
  });

  it('validates levels and counts configurations', () => {
    const loss = { field: 'loss' as const, picked: ['mse', 'categoricalCrossentropy'], text: '' };
    const lr = { field: 'learningRate' as const, picked: [], text: '0.001, 0.01, 0.1' };
    expect(factorError(loss)).toBeNull();
    expect(factorError({ ...loss, picked: [] })).toBe('pick at least one level');
    expect(factorError({ ...lr, text: '0, 1' })).toMatch(/above 0/);
    expect(configurationCount([loss, lr])).toBe(6);
    expect(configurationCount([])).toBe(1);
  });
});

describe('study factors: training-set size and learning rate', () => {
  it('are both offered', () => {
    expect(FACTORS.map((f) => f.field)).toEqual(expect.arrayContaining(['trainSize', 'learningRate']));
  });

  it('training-set sizes are whole numbers; learning rates may be fractions', () => {
    expect(levelsOf({ field: 'trainSize', picked: [], text: '1000, 8000, 60000' })).toEqual([1000, 8000, 60000]);
    expect(factorError({ field: 'trainSize', picked: [], text: '1000.5' })).toBe('whole numbers above 0, comma-separated');
    expect(levelsOf({ field: 'learningRate', picked: [], text: '0.001, 0.01' })).toEqual([0.001, 0.01]);
  });
});
