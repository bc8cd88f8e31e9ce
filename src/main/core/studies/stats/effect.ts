/**
 * Effect sizes for the verdicts: the difference of two configurations' accuracies in points and as a relative
 * change in error rate, with 95% intervals, from the test that matches the study's design: paired by seed
 * (common random numbers: same initial weights and shuffles per seed) whenever at least 2 seeds match, else
 * Welch's independent-samples test, and the text says which.
 */
import { pairBySeed, pairedT } from './paired';
import { mean, welch } from './stats';

/** Fewest runs (or seed pairs) a side needs before its spread, and so an interval, exists. */
export const MIN_RUNS = 2;

export interface AccuracyEffect {
  design: 'paired' | 'welch';
  /** Pairs (paired design), or the smaller side (Welch). */
  n: number;
  /** Mean accuracy 0..1 of each side, over the values the test used. */
  meanA: number;
  meanB: number;
  /** mean(a) − mean(b), as a fraction (0.01 = 1 point). */
  difference: number;
  ci95: [number, number];
  t: number;
  df: number;
  p: number;
  /**
   * Relative change in error rate of a against b: (1 − meanA) / (1 − meanB) − 1 (0.41 = 41% more errors).
   * Its interval is the difference's interval divided by b's error rate (b's rate taken as known), clipped at
   * −100% (no error rate goes below 0). null when b makes no errors.
   */
  relativeError: number | null;
  relativeErrorCi95: [number, number] | null;
  /** Seeds on one side only: left out of a paired test, or the reason a Welch test was used. */
  unmatched: number[];
}

/** Compares a against b (values keyed by seed); null when a side has fewer than MIN_RUNS values. */
export function accuracyEffect(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): AccuracyEffect | null {
  if (a.size < MIN_RUNS || b.size < MIN_RUNS) return null;
  const pairs = pairBySeed(a, b);
  const paired = pairs.seeds.length >= MIN_RUNS;
  const test = paired ? pairedT(pairs.a, pairs.b) : welch([...a.values()], [...b.values()]);
  const meanA = paired ? mean(pairs.a) : mean([...a.values()]);
  const meanB = paired ? mean(pairs.b) : mean([...b.values()]);
  const errorB = 1 - meanB;
  const relative = (d: number): number => Math.max(-1, -d / errorB);
  return {
    design: paired ? 'paired' : 'welch',
    n: paired ? pairs.seeds.length : Math.min(a.size, b.size),
    meanA,
    meanB,
    difference: test.difference,
    ci95: test.ci95,
    t: test.t,
    df: test.df,
    p: test.p,
    relativeError: errorB > 0 ? relative(test.difference) : null,
    // The accuracy interval's upper end is the error interval's lower end.
    relativeErrorCi95: errorB > 0 ? [relative(test.ci95[1]), relative(test.ci95[0])] : null,
    unmatched: pairs.unmatched,
  };
}
