/**
 * Multiplicity control across the claims of a study. Each claim's test is run at α; with k claims the chance
 * that at least one true null is rejected grows to ≈ kα. Holm's step-down procedure keeps that family-wise
 * error rate at α under any dependence between the tests, and rejects at least what Bonferroni rejects.
 */

/**
 * Holm-adjusted p-values, in the order given: sort ascending, multiply the i-th smallest (0-based) by
 * (k − i), carry the running maximum so adjusted values never decrease, cap at 1. A claim is rejected at
 * family-wise level α when its adjusted p ≤ α. NaN entries (claims not tested) are left NaN and do not count
 * towards k.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const tested = pValues.map((p, index) => ({ p, index })).filter((e) => Number.isFinite(e.p));
  for (const e of tested) if (e.p < 0 || e.p > 1) throw new RangeError(`a p-value lies in [0, 1] (got ${e.p})`);
  tested.sort((x, y) => x.p - y.p);
  const k = tested.length;
  const adjusted = pValues.map(() => Number.NaN);
  let runningMax = 0;
  tested.forEach((e, i) => {
    runningMax = Math.max(runningMax, Math.min(1, (k - i) * e.p));
    adjusted[e.index] = runningMax;
  });
  return adjusted;
}

/**
 * The per-comparison confidence level that matches Holm's procedure for the comparison ranked `rank`
 * (0-based, by ascending raw p) among `k`: 1 − α / (k − rank). Intervals at this level agree with the
 * adjusted p-values: the interval excludes 0 exactly when the step-down test rejects at that step (for the
 * steps reached). Bonferroni's level, 1 − α / k, is the rank-0 case.
 */
export function holmLevel(rank: number, k: number, alpha = 0.05): number {
  if (!Number.isInteger(rank) || !Number.isInteger(k) || rank < 0 || rank >= k) throw new RangeError(`rank ${rank} of ${k} comparisons`);
  return 1 - alpha / (k - rank);
}
