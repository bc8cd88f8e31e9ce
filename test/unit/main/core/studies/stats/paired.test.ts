import { describe, expect, it } from 'vitest';
import { pairBySeed, pairedT } from '@core/studies/stats/paired';

describe('pairedT', () => {
  it('matches scipy.stats.ttest_rel on a textbook example', () => {
    // scipy.stats.ttest_rel([2,4,7,3,5,6], [1,5,3,2,3,2]): t = 2.3138673905141918, p = 0.06857575483054949,
    // confidence_interval() = (−0.2034010900192389, 3.8700677566859056)
    const r = pairedT([2, 4, 7, 3, 5, 6], [1, 5, 3, 2, 3, 2]);
    expect(r.n).toBe(6);
    expect(r.df).toBe(5);
    expect(r.difference).toBeCloseTo(11 / 6, 12);
    expect(r.t).toBeCloseTo(2.3138673905141918, 9);
    expect(r.p).toBeCloseTo(0.06857575483054949, 7);
    expect(r.ci95[0]).toBeCloseTo(-0.2034010900192389, 7);
    expect(r.ci95[1]).toBeCloseTo(3.8700677566859056, 7);
  });

  it('by hand: differences 1, 2, 3 have mean 2, sd 1, t = 2 / (1/√3) = 3.4641, df 2', () => {
    const r = pairedT([2, 4, 6], [1, 2, 3]);
    expect(r.sdDifference).toBeCloseTo(1, 12);
    expect(r.t).toBeCloseTo(2 * Math.sqrt(3), 12);
    // t975(2) = 4.302652729911275: half-width 4.3027 / √3
    expect(r.ci95[1] - r.difference).toBeCloseTo(4.302652729911275 / Math.sqrt(3), 7);
    // scipy.stats.ttest_rel([2,4,6],[1,2,3]).pvalue = 0.07417990022744853
    expect(r.p).toBeCloseTo(0.07417990022744853, 7);
  });

  it('is far more sensitive than an unpaired test when the seed effect is shared', () => {
    // scipy.stats.ttest_rel([0.9,0.91,0.905,0.915,0.899],[0.97,0.975,0.972,0.969,0.98]).pvalue = 0.0001006165389701736
    const r = pairedT([0.9, 0.91, 0.905, 0.915, 0.899], [0.97, 0.975, 0.972, 0.969, 0.98]);
    expect(r.t).toBeCloseTo(-15.519904778271561, 8);
    expect(r.p).toBeCloseTo(0.0001006165389701736, 8);
  });

  it('constant differences: zero standard error', () => {
    expect(pairedT([1, 2], [1, 2])).toMatchObject({ difference: 0, t: 0, p: 1, ci95: [0, 0] });
    expect(pairedT([2, 3], [1, 2])).toMatchObject({ difference: 1, t: Infinity, p: 0, ci95: [1, 1] });
  });

  it('refuses unequal lengths and single pairs', () => {
    expect(() => pairedT([1, 2], [1])).toThrow(/equal lengths/);
    expect(() => pairedT([1], [1])).toThrow(/at least 2 pairs/);
  });
});

describe('pairBySeed', () => {
  it('keeps matched seeds in ascending order and names the rest', () => {
    const pairs = pairBySeed(
      new Map([
        [3, 0.3],
        [1, 0.1],
        [2, 0.2],
      ]),
      new Map([
        [2, 0.22],
        [1, 0.11],
        [4, 0.44],
      ]),
    );
    expect(pairs).toEqual({ seeds: [1, 2], a: [0.1, 0.2], b: [0.11, 0.22], unmatched: [3, 4] });
  });
});
