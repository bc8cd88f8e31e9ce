import { describe, expect, it } from 'vitest';
import { comparisonsTable, studyReport } from '@hosts/cli/study-report';
import type { ConfigAggregate, Spread, StudyDetail } from '@shared/study-types';
import { article, fakeRun } from '@support/study-runs';

const spread = (mean: number, sd: number): Spread => ({ n: 5, mean, sd, ci95: [mean - 2 * sd, mean + 2 * sd] });
const aggregate = (key: string, label: string, accuracy: number): ConfigAggregate => ({
  key,
  label,
  runs: 5,
  testAccuracy: spread(accuracy, 0.0022),
  testLoss: spread(0.05, 0.001),
  epochsTo90: spread(3, 0),
  epochsTo95: null,
  secondsTo90: spread(4.2, 0.3),
  secondsTo95: null,
  reached90: 5,
  reached95: 0,
  valAccuracyCurve: [],
  trainLossCurve: [],
  gradientNorms: [
    { layer: 'dense1', first: 0.42, last: 0.31 },
    { layer: 'output', first: 0.341, last: 0.2 },
  ],
  saturation: [{ layer: 'dense1', first: 0.05, last: 0.116 }],
  testAccuracyCurve: [],
  outputSignal: { first: null, last: null },
});
const detail: StudyDetail = {
  id: 4,
  name: 'Seed article: 5 seeds × 10 epochs',
  builtinId: 'seed-article',
  datasetId: 'mnist-embedded',
  status: 'completed',
  seeds: 5,
  createdAt: '2026-11-29T04:00:00.000Z',
  runsTotal: 10,
  runsCompleted: 10,
  runsRunning: 0,
  runsQueued: 0,
  runsOther: 0,
  sizeSeries: [],
  etaSeconds: null,
  configurations: [],
  runs: [],
  aggregates: [aggregate('example-1', 'Example 1: tanh + MSE', 0.9342), aggregate('example-3', 'Example 3: relu + softmax + cross-entropy', 0.942)],
  verdicts: [
    {
      claim: 2,
      statement: 'MSE with tanh outputs ends with lower test accuracy than softmax with cross-entropy.',
      status: 'supported',
      evidence: '0.78 points lower, p = 0.0008: statistically clear, small in size; '.repeat(3),
      trainSize: null,
    },
  ],
};

describe('studyReport', () => {
  it('prints aggregates, speed and diagnostics as tables, then each verdict, within 100 columns', () => {
    const text = studyReport(detail);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(text).toMatch(/^Example 1: tanh \+ MSE\s+5\/5\s+93\.42% ± 0\.22% \[92\.98%, 93\.86%\]\s+0\.0500 ± 0\.0010$/m);
    expect(text).toMatch(/^Example 1: tanh \+ MSE\s+3\.0 ± 0\.0 \(5\/5\)\s+— \(0\/5\)\s+—$/m);
    expect(text).toMatch(/^Example 1: tanh \+ MSE\s+dense1 0\.420→0\.310, output 0\.341→0\.200\s+dense1 5\.0%→11\.6%$/m);
    expect(text).toContain('claim 2: MSE with tanh outputs ends with lower test accuracy');
    expect(text).toMatch(/\n {2}→ SUPPORTED: 0\.78 points lower/);
  });

  it('tabulates comparisons by configuration label', () => {
    const labels = new Map(detail.aggregates.map((a) => [a.key, a.label]));
    const comparison = {
      a: 'example-1',
      b: 'example-3',
      metric: 'testAccuracy' as const,
      design: 'welch' as const,
      n: 5,
      difference: -0.0078,
      ci95: [-0.011, -0.0046] as [number, number],
      t: -5.2,
      df: 7.9,
      p: 0.00008,
    };
    expect(comparisonsTable([comparison], labels).split('\n')[1]).toMatch(
      /^Example 1: tanh \+ MSE\s+Welch\s+-0\.78 pts\s+\[-1\.10, -0\.46\]\s+-5\.20\s+7\.9\s+< 0\.0001$/,
    );
  });

  it('says which runs used which backend when they differ, and nothing when they agree', () => {
    const configuration = article(1).byKey('example-3');
    const run = (seed: number, backend: 'wasm' | 'tensorflow') => ({
      ...fakeRun({ configuration, seed, valAccuracy: [0.9], testAccuracy: 0.9 }),
      id: seed,
      backend,
    });
    expect(studyReport({ ...detail, runs: [run(1, 'wasm'), run(2, 'wasm')] })).not.toContain('backends differ');
    const mixed = studyReport({ ...detail, runs: [run(1, 'wasm'), run(2, 'tensorflow'), run(3, 'wasm')] });
    expect(mixed).toContain('backends differ (wasm: runs 1, 3; tensorflow: run 2); results are comparable only within one backend');
  });
});
