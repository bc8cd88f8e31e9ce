import { describe, expect, it } from 'vitest';
import { mean, sampleSd, spread, t975, tCdf, welch } from '@core/studies/stats/stats';

describe('descriptive statistics', () => {
  it('mean and sample sd of [1, 2, 3, 4] by hand: 2.5 and sqrt(5/3)', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleSd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('spread uses the t quantile with n − 1 df', () => {
    const s = spread([1, 2, 3, 4]);
    const half = (3.182446305 * Math.sqrt(5 / 3)) / 2; // t(0.975, 3) from tables
    expect(s.n).toBe(4);
    expect(s.ci95[0]).toBeCloseTo(2.5 - half, 6);
    expect(s.ci95[1]).toBeCloseTo(2.5 + half, 6);
  });

  it('one value: sd 0 and the interval collapses to the value', () => {
    expect(spread([0.97])).toEqual({ n: 1, mean: 0.97, sd: 0, ci95: [0.97, 0.97] });
  });

  it('identical values: sd 0, zero-width interval', () => {
    expect(spread([3, 3, 3])).toEqual({ n: 3, mean: 3, sd: 0, ci95: [3, 3] });
  });

  it('no values is an error', () => {
    expect(() => spread([])).toThrow(RangeError);
  });
});

describe('Student t', () => {
  it.each([
    [1, 12.706205],
    [2.5, 3.574655],
    [4, 2.776445],
    [9.5, 2.244137],
    [10, 2.228139],
    [30, 2.042272],
  ])('t(0.975, df=%s) = %s (tables; non-integer df from scipy.stats.t.ppf)', (df, expected) => {
    expect(t975(df)).toBeCloseTo(expected, 5);
  });

  it('cdf at non-integer df matches scipy (t=1.5, df=3.3 → 0.888748)', () => {
    expect(tCdf(1.5, 3.3)).toBeCloseTo(0.8887484, 6);
    expect(tCdf(-1.5, 3.3)).toBeCloseTo(1 - 0.8887484, 6);
    expect(tCdf(0, 7)).toBe(0.5);
  });
});

describe('Welch', () => {
  it('matches a hand computation and R/scipy for 1..5 vs 2,4,..,10', () => {
    // means 3 and 6, variances 2.5 and 10: se = sqrt(0.5 + 2) = 1.5811, df = 2.5² / (0.5²/4 + 2²/4) = 5.8824
    const r = welch([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.difference).toBe(-3);
    expect(r.t).toBeCloseTo(-1.8973666, 6);
    expect(r.df).toBeCloseTo(5.8823529, 6);
    expect(r.p).toBeCloseTo(0.1075312, 6); // R: t.test(1:5, c(2,4,6,8,10))
    // half-width t(0.975, 5.8824) × 1.5811 = 3.887742 (scipy)
    expect(r.ci95[0]).toBeCloseTo(-3 - 3.8877416, 5);
    expect(r.ci95[1]).toBeCloseTo(-3 + 3.8877416, 5);
  });

  it('accuracy-like samples: p = 0.010077 (scipy ttest_ind equal_var=False)', () => {
    const r = welch([0.91, 0.93, 0.92], [0.95, 0.96, 0.94, 0.97]);
    expect(r.t).toBeCloseTo(-4.0414519, 6);
    expect(r.df).toBeCloseTo(4.9591837, 6);
    expect(r.p).toBeCloseTo(0.0100769, 6);
    expect(r.ci95[1]).toBeLessThan(0);
  });

  it('zero variance on both sides: equal means p = 1, different means p = 0', () => {
    expect(welch([2, 2], [2, 2, 2])).toMatchObject({ difference: 0, t: 0, p: 1, ci95: [0, 0] });
    const r = welch([2, 2], [1, 1]);
    expect(r.p).toBe(0);
    expect(r.t).toBe(Infinity);
  });

  it('needs two values a side', () => {
    expect(() => welch([1], [1, 2])).toThrow(/at least 2/);
  });
});
