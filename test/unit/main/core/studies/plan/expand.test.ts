import { describe, expect, it } from 'vitest';
import { PRESETS } from '@shared/presets';
import { describeSkipped, expandStudy, seedArticleConfigurations } from '@core/studies/plan/expand';

const base = PRESETS[0].config;

describe('expandStudy', () => {
  it('takes the cartesian product and drops combinations the schema rejects, with reasons', () => {
    const e = expandStudy(
      base,
      [
        { field: 'loss', levels: ['mse', 'categoricalCrossentropy'] },
        { field: 'outputActivation', levels: ['tanh', 'softmax', 'sigmoid'] },
      ],
      3,
    );
    expect(e.configurations.length + e.skipped.length).toBe(6);
    expect(e.skipped.map((s) => s.key)).toEqual(['loss=categoricalCrossentropy,outputActivation=tanh']);
    expect(e.skipped[0].reason).toMatch(/log/);
    expect(e.configurations.map((c) => c.key)).toContain('loss=mse,outputActivation=tanh');
    expect(e.configurations[0].label).toBe('loss mse · output tanh');
    expect(e.configurations.find((c) => c.key === 'loss=mse,outputActivation=softmax')?.config).toMatchObject({
      loss: 'mse',
      outputActivation: 'softmax',
      hiddenActivation: 'tanh',
    });
    expect(e.seeds).toEqual([1, 2, 3]);
    expect(describeSkipped(e.skipped)).toMatch(/^1 combination skipped: loss categoricalCrossentropy · output tanh/);
  });

  it('rejects levels of the wrong type and deduplicates levels', () => {
    const e = expandStudy(base, [{ field: 'learningRate', levels: [0.01, 0.01, 'fast'] }], 1);
    expect(e.configurations.map((c) => c.key)).toEqual(['learningRate=0.01']);
    expect(e.skipped).toHaveLength(1);
    expect(describeSkipped([])).toBeNull();
  });

  it('no factors is the base configuration alone', () => {
    expect(expandStudy(base, [], 2).configurations).toEqual([{ key: 'base', label: 'base', config: base }]);
  });
});

describe('seed-article study', () => {
  it('is the five presets with the chosen epochs', () => {
    const configs = seedArticleConfigurations(3);
    expect(configs.map((c) => c.key)).toEqual(['example-1', 'example-2', 'example-3', 'relu-tanh-mse', 'tanh-softmax-ce']);
    expect(configs.every((c) => c.config.epochs === 3)).toBe(true);
  });
});
