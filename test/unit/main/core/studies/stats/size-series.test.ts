import { describe, expect, it } from 'vitest';
import { seedArticleConfigurations } from '@core/studies/plan/expand';
import { sizeSeries } from '@core/studies/stats/size-series';
import { fakeRun } from '@support/study-runs';

const configurations = seedArticleConfigurations(1, [8000, 1000]);
const byKey = (key: string) => {
  const c = configurations.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};

describe('seed-article configurations with sizes', () => {
  it('every preset at every size, ascending, keyed and labelled by size', () => {
    expect(configurations).toHaveLength(10);
    expect(configurations.slice(0, 5).every((c) => c.config.trainSize === 1000)).toBe(true);
    expect(configurations[0]).toMatchObject({ key: 'example-1@1000', label: 'Example 1: tanh + MSE · train size 1,000' });
    expect(configurations[5].key).toBe('example-1@8000');
  });
});

describe('sizeSeries', () => {
  it('one series per preset, a point per size with completed runs, intervals inside [0, 1]', () => {
    const runs = [
      fakeRun({ configuration: byKey('example-1@1000'), seed: 1, valAccuracy: [0.8], testAccuracy: 0.8 }),
      fakeRun({ configuration: byKey('example-1@1000'), seed: 2, valAccuracy: [0.8], testAccuracy: 0.82 }),
      fakeRun({ configuration: byKey('example-1@8000'), seed: 1, valAccuracy: [0.9], testAccuracy: 0.999 }),
      fakeRun({ configuration: byKey('example-1@8000'), seed: 2, valAccuracy: [0.9], testAccuracy: 0.99 }),
      fakeRun({ configuration: byKey('example-3@8000'), seed: 1, valAccuracy: [0.9], testAccuracy: 0.95, status: 'stopped' }),
    ];
    const series = sizeSeries(configurations, runs);
    expect(series.map((s) => [s.key, s.label])).toEqual([['example-1', 'Example 1: tanh + MSE']]);
    expect(series[0].points.map((p) => p.trainSize)).toEqual([1000, 8000]);
    expect(series[0].points[0].accuracy.mean).toBeCloseTo(0.81, 12);
    // mean 0.9945, sd 0.00636, t(0.975, 1) = 12.7: the raw interval would pass 100%
    expect(series[0].points[1].accuracy.ci95[1]).toBe(1);
  });

  it('is empty without a size factor', () => {
    const plain = seedArticleConfigurations(1);
    expect(sizeSeries(plain, [fakeRun({ configuration: plain[0], seed: 1, valAccuracy: [0.9], testAccuracy: 0.9 })])).toEqual([]);
  });
});
