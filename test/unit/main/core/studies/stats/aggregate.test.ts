import { describe, expect, it } from 'vitest';
import { aggregateStudy, compare } from '@core/studies/stats/aggregate';
import { article, fakeRun } from '@support/study-runs';

const { configurations, byKey } = article(3);
const ex1 = byKey('example-1');
const ex3 = byKey('example-3');
const runs = [
  fakeRun({ configuration: ex1, seed: 1, valAccuracy: [0.85, 0.91, 0.93], testAccuracy: 0.92, secondsPerEpoch: 2 }),
  fakeRun({ configuration: ex1, seed: 2, valAccuracy: [0.8, 0.88, 0.95], testAccuracy: 0.94, secondsPerEpoch: 3 }),
  fakeRun({ configuration: ex1, seed: 3, valAccuracy: [0.7, 0.8, 0.85], testAccuracy: 0.84 }),
  fakeRun({ configuration: ex1, seed: 4, valAccuracy: [0.5], testAccuracy: 0.5, status: 'stopped' }),
  fakeRun({ configuration: ex3, seed: 1, valAccuracy: [0.92, 0.95, 0.96], testAccuracy: 0.96 }),
  fakeRun({ configuration: ex3, seed: 2, valAccuracy: [0.93, 0.96, 0.97], testAccuracy: 0.97 }),
];

describe('aggregateStudy', () => {
  const aggregates = aggregateStudy(configurations, runs);
  const a1 = aggregates.find((a) => a.key === 'example-1');
  const a3 = aggregates.find((a) => a.key === 'example-3');

  it('has one aggregate per configuration, empty ones included', () => {
    expect(aggregates.map((a) => a.key)).toEqual(configurations.map((c) => c.key));
    expect(aggregates.find((a) => a.key === 'example-2')).toMatchObject({ runs: 0, testAccuracy: null, reached90: 0, valAccuracyCurve: [] });
  });

  it('final test accuracy over completed runs only', () => {
    expect(a1?.runs).toBe(4);
    expect(a1?.testAccuracy?.n).toBe(3);
    expect(a1?.testAccuracy?.mean).toBeCloseTo((0.92 + 0.94 + 0.84) / 3, 12);
  });

  it('epochs and cumulative seconds to 90% / 95% validation accuracy, and how many reached them', () => {
    // seed 1 reaches 90% at epoch 2 (4 s), seed 2 at epoch 3 (9 s), seed 3 never
    expect(a1?.reached90).toBe(2);
    expect(a1?.epochsTo90?.mean).toBe(2.5);
    expect(a1?.secondsTo90?.mean).toBe(6.5);
    expect(a1?.reached95).toBe(1);
    expect(a1?.epochsTo95).toMatchObject({ n: 1, mean: 3 });
    expect(a3?.epochsTo90?.mean).toBe(1);
    expect(a3?.epochsTo95).toMatchObject({ mean: 2, sd: 0 });
  });

  it('mean ± sd curves per epoch', () => {
    const first = a3?.valAccuracyCurve[0];
    expect(first?.mean).toBeCloseTo(0.925, 12);
    expect((first?.upper ?? 0) - (first?.mean ?? 0)).toBeCloseTo(Math.sqrt(0.00005), 12);
    expect(a1?.trainLossCurve).toHaveLength(3);
  });

  it('layer trends: gradient norms for every layer, saturation only where there is one', () => {
    expect(a1?.gradientNorms.map((g) => g.layer)).toEqual(['dense1', 'output']);
    expect(a1?.gradientNorms[0]).toMatchObject({ first: 1, last: 0.5 });
    expect(a1?.saturation.map((s) => s.layer)).toEqual(['dense1', 'output']);
    expect(a3?.saturation).toEqual([]);
  });
});

describe('compare', () => {
  it('pairs by seed: the completed runs of seeds 1 and 2 on both sides (scipy ttest_rel: t = −7, p = 0.0903)', () => {
    const c = compare(configurations, runs, 'example-1', 'example-3', 'testAccuracy');
    expect(c).toMatchObject({ design: 'paired', n: 2, df: 1, metric: 'testAccuracy' });
    expect(c.difference).toBeCloseTo(-0.035, 12);
    expect(c.t).toBeCloseTo(-7, 9);
    expect(c.p).toBeCloseTo(0.09033447060173226, 6);
    expect(c.ci95[0]).toBeCloseTo(-0.0985310236808728, 6);
    expect(c.ci95[1]).toBeCloseTo(0.028531023680872847, 6);
  });

  it("falls back to Welch's test when fewer than 2 seeds match (scipy: t = −2.598, df = 1.684, p = 0.1444)", () => {
    const unpaired = [
      fakeRun({ configuration: ex1, seed: 1, valAccuracy: [0.9], testAccuracy: 0.92 }),
      fakeRun({ configuration: ex1, seed: 2, valAccuracy: [0.9], testAccuracy: 0.94 }),
      fakeRun({ configuration: ex3, seed: 3, valAccuracy: [0.9], testAccuracy: 0.96 }),
      fakeRun({ configuration: ex3, seed: 4, valAccuracy: [0.9], testAccuracy: 0.97 }),
      fakeRun({ configuration: ex3, seed: 5, valAccuracy: [0.9], testAccuracy: 0.95 }),
    ];
    const c = compare(configurations, unpaired, 'example-1', 'example-3', 'testAccuracy');
    expect(c.design).toBe('welch');
    expect(c.t).toBeCloseTo(-2.5980762113533267, 9);
    expect(c.df).toBeCloseTo(1.6842105263157972, 9);
    expect(c.p).toBeCloseTo(0.1443662048167639, 6);
  });

  it('explains what is missing', () => {
    expect(() => compare(configurations, runs, 'example-1', 'example-2', 'testAccuracy')).toThrow(/0 completed run/);
    expect(() => compare(configurations, runs, 'example-1', 'nope', 'testLoss')).toThrow(/no configuration "nope"/);
  });
});
