import { describe, expect, it } from 'vitest';
import { seedArticleVerdicts } from '@core/studies/verdicts/verdicts';
import type { OutputSignal } from '@shared/run-types';
import { article, fakeRun } from '@support/study-runs';

const { configurations, byKey } = article(2);

interface Side {
  epoch1: number[];
  test: number[];
  gradient?: number[];
  saturation?: number[];
  attenuation?: number[];
  signal?: OutputSignal;
}

/** 12 wrong probe samples (errors 0.55…1.65) whose gradient falls (`slope` < 0) or rises with the error, plus 4 right ones. */
function signal(slope: number): OutputSignal {
  const error = [...Array.from({ length: 12 }, (_, i) => 0.55 + i * 0.1), 0.1, 0.2, 0.05, 0.3];
  return { error, gradient: error.map((e) => Math.max(0.001, 0.5 + slope * e)) };
}
const HINDERED = signal(-0.25);
const HEALTHY = signal(0.4);

/** Runs of one configuration, seed i + 1 taking the i-th value of each list. */
function side(key: string, s: Side) {
  return s.test.map((testAccuracy, i) =>
    fakeRun({
      configuration: byKey(key),
      seed: i + 1,
      valAccuracy: [s.epoch1[i], Math.max(s.epoch1[i], 0.96)],
      testAccuracy,
      hiddenGradient: s.gradient?.[i],
      hiddenSaturation: s.saturation?.[i],
      hiddenAttenuation: s.attenuation?.[i],
      outputSignal: s.signal,
    }),
  );
}

const statuses = (runs: ReturnType<typeof side>) => seedArticleVerdicts(configurations, runs).map((v) => v.status);

describe('seed-article verdicts', () => {
  it('the article right: slower, lower, saturating tanh with weaker gradients; rescale identical per seed', () => {
    const ex1 = { epoch1: [0.8, 0.82, 0.81], test: [0.9, 0.91, 0.905], saturation: [0.3, 0.32, 0.31], attenuation: [0.4, 0.42, 0.41], signal: HINDERED };
    const runs = [
      ...side('example-1', ex1),
      ...side('example-2', ex1),
      ...side('example-3', { epoch1: [0.92, 0.93, 0.94], test: [0.97, 0.975, 0.972] }),
      ...side('relu-tanh-mse', { epoch1: [0.9, 0.9, 0.9], test: [0.95, 0.95, 0.95], gradient: [0.5, 0.55, 0.6] }),
    ];
    const verdicts = seedArticleVerdicts(configurations, runs);
    expect(verdicts.map((v) => v.status)).toEqual(['supported', 'supported', 'not supported', 'supported']);
    expect(verdicts.map((v) => v.claim)).toEqual([1, 2, 3, 4]);
    expect(verdicts[1].evidence).toContain('Example 1 90.50% vs Example 3 97.23% (error 9.50% vs 2.77%: 243% more errors');
    // scipy.stats.ttest_rel([0.9, 0.91, 0.905], [0.97, 0.975, 0.972]): t = −46.34, p = 0.000465, CI [−7.36, −6.11] points
    expect(verdicts[1].evidence).toContain('difference -6.73 points, 95% CI [-7.36, -6.11] points; paired t over 3 matched seeds');
    expect(verdicts[1].evidence).toContain('t = -46.34, df = 2, p = 0.00047');
    expect(verdicts[1].evidence).toContain('real and larger than the 0.5-point practical margin');
    expect(verdicts[2].evidence).toMatch(/identical on all 3 seeds: argmax is unchanged by a monotonic rescale/);
    // 12 wrong samples a seed × 3 seeds, gradient strictly falling with the error: ρ = −1
    expect(verdicts[3].evidence).toContain('Example 1, last epoch: ρ = -1.00');
    expect(verdicts[3].evidence).toContain('over 36 wrong probe samples');
  });

  it('the article wrong: faster, equivalent accuracy, little saturation, rescale worse', () => {
    const runs = [
      ...side('example-1', { epoch1: [0.95, 0.96, 0.955], test: [0.97, 0.971, 0.972], attenuation: [0.6, 0.62, 0.61], signal: HEALTHY }),
      ...side('example-2', { epoch1: [0.95, 0.96, 0.955], test: [0.95, 0.951, 0.952] }),
      ...side('example-3', { epoch1: [0.9, 0.91, 0.905], test: [0.9705, 0.9712, 0.9718] }),
      ...side('relu-tanh-mse', { epoch1: [0.9, 0.9, 0.9], test: [0.95, 0.95, 0.95], attenuation: [0.4, 0.45, 0.42] }),
    ];
    const verdicts = seedArticleVerdicts(configurations, runs);
    expect(verdicts.map((v) => v.status)).toEqual(['not supported', 'not supported', 'not supported', 'not supported']);
    expect(verdicts[3].evidence).toMatch(/tanh hidden layer .*: 0\.610, vs the relu hidden layer .* 0\.423: difference 0\.187/);
    expect(verdicts[2].evidence).toMatch(/differ on 3 of 3 seeds/);
  });

  it('noisy, overlapping data: inconclusive', () => {
    const runs = [
      ...side('example-1', { epoch1: [0.8, 0.95, 0.88], test: [0.9, 0.97, 0.93], gradient: [0.1, 0.6, 0.3], saturation: [0.2, 0.2, 0.2] }),
      ...side('example-2', { epoch1: [0.8, 0.95, 0.88], test: [0.95, 0.91, 0.94] }),
      ...side('example-3', { epoch1: [0.85, 0.96, 0.82], test: [0.96, 0.9, 0.94] }),
      ...side('relu-tanh-mse', { epoch1: [0.9, 0.9, 0.9], test: [0.95, 0.95, 0.95], gradient: [0.2, 0.5, 0.3] }),
    ];
    expect(statuses(runs)).toEqual(['inconclusive', 'inconclusive', 'inconclusive', 'inconclusive']);
  });

  it('a rescale that truly helped would be reported as supported', () => {
    const runs = [
      ...side('example-1', { epoch1: [0.9, 0.9, 0.9], test: [0.9, 0.91, 0.905] }),
      ...side('example-2', { epoch1: [0.9, 0.9, 0.9], test: [0.95, 0.96, 0.955] }),
    ];
    expect(statuses(runs)[2]).toBe('supported');
  });

  it('claim 4: a healthy output but a tanh hidden layer attenuating more than relu is inconclusive', () => {
    const runs = [
      ...side('example-1', { epoch1: [0.9, 0.9, 0.9], test: [0.9, 0.9, 0.9], attenuation: [0.2, 0.22, 0.21], signal: HEALTHY }),
      ...side('relu-tanh-mse', { epoch1: [0.9, 0.9, 0.9], test: [0.9, 0.9, 0.9], attenuation: [0.5, 0.52, 0.5] }),
    ];
    expect(statuses(runs)[3]).toBe('inconclusive');
  });

  it('claim 4: a healthy output without the paired hidden-layer comparison is inconclusive', () => {
    const runs = side('example-1', { epoch1: [0.9, 0.9], test: [0.9, 0.9], attenuation: [0.6, 0.6], signal: HEALTHY });
    const verdict = seedArticleVerdicts(configurations, runs)[3];
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.evidence).toMatch(/fewer than 2 seeds with relu-tanh-mse runs/);
  });

  it('claim 4 on old runs without the output signal: inconclusive, saying why', () => {
    const runs = side('example-1', { epoch1: [0.9, 0.9], test: [0.9, 0.9], gradient: [0.1, 0.1], saturation: [0.3, 0.3] });
    const verdict = seedArticleVerdicts(configurations, runs)[3];
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.evidence).toMatch(/0 wrong probe samples .*recorded before the output signal was measured/);
  });

  it('with a training-set-size factor every claim is judged once per size, smallest first', () => {
    const sized = [8000, 1000].flatMap((n) => configurations.map((c) => ({ ...c, key: `${c.key}@${n}`, config: { ...c.config, trainSize: n } })));
    const at = (n: number, key: string) => {
      const c = sized.find((x) => x.key === `${key}@${n}`);
      if (!c) throw new Error(key);
      return c;
    };
    const runs = [1, 2, 3].flatMap((seed) => [
      fakeRun({ configuration: at(1000, 'example-1'), seed, valAccuracy: [0.8], testAccuracy: 0.85 + seed / 1000 }),
      fakeRun({ configuration: at(1000, 'example-3'), seed, valAccuracy: [0.9], testAccuracy: 0.9 + seed / 1000 }),
      fakeRun({ configuration: at(8000, 'example-1'), seed, valAccuracy: [0.9], testAccuracy: 0.95 + seed / 500 }),
      fakeRun({ configuration: at(8000, 'example-3'), seed, valAccuracy: [0.9], testAccuracy: 0.951 + seed / 1000 }),
    ]);
    const verdicts = seedArticleVerdicts(sized, runs);
    expect(verdicts.map((v) => [v.trainSize, v.claim])).toEqual([
      [1000, 1],
      [1000, 2],
      [1000, 3],
      [1000, 4],
      [8000, 1],
      [8000, 2],
      [8000, 3],
      [8000, 4],
    ]);
    expect(verdicts[1]).toMatchObject({ status: 'supported' });
    expect(verdicts[1].evidence).toContain('Example 1 85.20% vs Example 3 90.20%');
    expect(verdicts[5].status).toBe('not supported');
  });

  it('missing configurations or too few runs: inconclusive with the reason', () => {
    const verdicts = seedArticleVerdicts(
      configurations.filter((c) => c.key !== 'example-3'),
      [],
    );
    expect(verdicts[0]).toMatchObject({ status: 'inconclusive', evidence: 'The study has no example-3 configuration.' });
    const one = [
      ...side('example-1', { epoch1: [0.9], test: [0.9], saturation: [0.5] }),
      ...side('example-2', { epoch1: [0.9], test: [0.9] }),
      ...side('example-3', { epoch1: [0.9, 0.91], test: [0.9, 0.91] }),
      ...side('relu-tanh-mse', { epoch1: [0.9, 0.91], test: [0.9, 0.91] }),
    ];
    const few = seedArticleVerdicts(configurations, one);
    expect(few.map((v) => v.status)).toEqual(['inconclusive', 'inconclusive', 'inconclusive', 'inconclusive']);
    expect(few[1].evidence).toMatch(/Example 1 has 1 \(at least 2 each needed\)/);
    expect(few[2].evidence).toMatch(/Only 1 seed/);
  });
});
