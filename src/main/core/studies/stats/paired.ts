/**
 * The paired t test for the studies' design. Every configuration of a study starts, for a given seed, from the
 * same initial weights and sees the same shuffles (common random numbers), so runs with the same seed are
 * pairs: the test is on the per-seed differences, whose spread excludes the seed-to-seed variation both sides
 * share. Welch's independent-samples test (`welch` in stats) remains only for sides whose seeds do not match.
 */
import { mean, sampleSd, t975 } from './stats';
import { tTwoSidedP } from './student-t';

export interface PairedResult {
  /** Number of matched seeds (pairs). */
  n: number;
  /** Mean of the per-seed differences a − b (equal to mean(a) − mean(b) over the pairs). */
  difference: number;
  /** Sample sd of the per-seed differences. */
  sdDifference: number;
  /** Student-t 95% confidence interval of the mean difference (df = n − 1). */
  ci95: [number, number];
  /** t = mean difference / (sd / √n); ±Infinity when every difference is the same non-zero number. */
  t: number;
  /** n − 1. */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Paired t test of mean(a − b) = 0, `a[i]` and `b[i]` being the same seed's values. Needs at least 2 pairs
 * of equal length. When all differences are equal the standard error is 0: a zero difference gives t 0 and
 * p 1, any other gives t ±Infinity and p 0, and the interval collapses to the difference.
 */
export function pairedT(a: readonly number[], b: readonly number[]): PairedResult {
  if (a.length !== b.length) throw new RangeError(`a paired test needs equal lengths (got ${a.length} and ${b.length})`);
  const n = a.length;
  if (n < 2) throw new RangeError(`a paired test needs at least 2 pairs (got ${n})`);
  const diffs = a.map((x, i) => x - b[i]);
  const difference = mean(diffs);
  const sdDifference = sampleSd(diffs);
  const df = n - 1;
  const se = sdDifference / Math.sqrt(n);
  if (se === 0) {
    if (difference === 0) return { n, difference, sdDifference, ci95: [0, 0], t: 0, df, p: 1 };
    return { n, difference, sdDifference, ci95: [difference, difference], t: difference > 0 ? Infinity : -Infinity, df, p: 0 };
  }
  const t = difference / se;
  const half = t975(df) * se;
  return { n, difference, sdDifference, ci95: [difference - half, difference + half], t, df, p: tTwoSidedP(t, df) };
}

/** Values of two sides keyed by seed, split into matched pairs (ascending seed) and what is left unmatched. */
export interface SeedPairs {
  seeds: number[];
  a: number[];
  b: number[];
  /** Seeds present on one side only. */
  unmatched: number[];
}

export function pairBySeed(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): SeedPairs {
  const seeds = [...a.keys()].filter((s) => b.has(s)).sort((x, y) => x - y);
  const unmatched = [...new Set([...a.keys(), ...b.keys()])].filter((s) => !(a.has(s) && b.has(s))).sort((x, y) => x - y);
  return { seeds, a: seeds.map((s) => a.get(s) ?? Number.NaN), b: seeds.map((s) => b.get(s) ?? Number.NaN), unmatched };
}
