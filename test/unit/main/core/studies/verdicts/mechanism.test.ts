import { describe, expect, it } from 'vitest';
import { ranks, spearman } from '@core/studies/verdicts/mechanism';

describe('rank correlation', () => {
  it('average ranks for ties, as scipy.stats.rankdata', () => {
    expect(ranks([3, 1, 2, 2])).toEqual([4, 1, 2.5, 2.5]);
  });

  it('Spearman ρ matches scipy.stats.spearmanr', () => {
    // scipy.stats.spearmanr([0.6,0.7,0.9,1.2,1.5,0.8], [0.3,0.2,0.25,0.05,0.01,0.2]).statistic = −0.8116794499134279
    const r = spearman([0.6, 0.7, 0.9, 1.2, 1.5, 0.8], [0.3, 0.2, 0.25, 0.05, 0.01, 0.2]);
    expect(r.rho).toBeCloseTo(-0.8116794499134279, 12);
    // Fisher z: tanh(atanh(ρ) ± 1.96·√(1.06 / 3))
    const half = 1.959963984540054 * Math.sqrt(1.06 / 3);
    expect(r.ci95[0]).toBeCloseTo(Math.tanh(Math.atanh(r.rho) - half), 12);
    expect(r.ci95[1]).toBeCloseTo(Math.tanh(Math.atanh(r.rho) + half), 12);
    expect(r.ci95[1]).toBeGreaterThan(0);
  });

  it('a perfectly monotone pair gives ρ = ±1 and refuses fewer than 4 pairs', () => {
    expect(spearman([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]).rho).toBeCloseTo(-1, 12);
    expect(() => spearman([1, 2, 3], [1, 2, 3])).toThrow(/at least 4/);
  });
});
