import { describe, expect, it } from 'vitest';
import { holmAdjust, holmLevel } from '@core/studies/stats/multiplicity';

describe('holmAdjust', () => {
  it('matches statsmodels multipletests(method="holm")', () => {
    // statsmodels.stats.multitest.multipletests([0.01, 0.04, 0.03, 0.005], method='holm')[1]
    //   = [0.03, 0.06, 0.06, 0.02]
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 12));
  });

  it('never lets an adjusted p fall below a smaller raw p, and caps at 1', () => {
    // multipletests([0.2, 0.001, 0.6], method='holm')[1] = [0.4, 0.003, 0.6]
    const adjusted = holmAdjust([0.2, 0.001, 0.6]);
    [0.4, 0.003, 0.6].forEach((want, i) => expect(adjusted[i]).toBeCloseTo(want, 12));
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
  });

  it('leaves claims that were not tested out of k', () => {
    const adjusted = holmAdjust([0.01, Number.NaN, 0.04]);
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(Number.isNaN(adjusted[1])).toBe(true);
    expect(adjusted[2]).toBeCloseTo(0.04, 12);
  });

  it('refuses a p-value outside [0, 1]', () => {
    expect(() => holmAdjust([1.2])).toThrow(RangeError);
  });
});

describe('holmLevel', () => {
  it('is Bonferroni for the smallest p and plain α for the last step', () => {
    expect(holmLevel(0, 4)).toBeCloseTo(0.9875, 12);
    expect(holmLevel(3, 4)).toBeCloseTo(0.95, 12);
    expect(() => holmLevel(4, 4)).toThrow(RangeError);
  });
});
