/** Descriptive statistics and Welch's two-sample t test for the study summaries. */
import type { Spread } from '../../../../shared/study-types';
import { tQuantile, tTwoSidedP } from './student-t';

export { tCdf, tQuantile, tTwoSidedP } from './student-t';

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance (n − 1 denominator); 0 for a single value, where no spread can be measured. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (values.length - 1);
}

/** Sample standard deviation; 0 for a single value (see `sampleVariance`). */
export function sampleSd(values: readonly number[]): number {
  return Math.sqrt(sampleVariance(values));
}

/** Two-sided 95% quantile of Student's t with `df` degrees of freedom (12.706 for df 1). */
export function t975(df: number): number {
  return tQuantile(0.975, df);
}

/** The values a quantity can take, e.g. [0, 1] for an accuracy; intervals are clipped to it. */
export type Range = readonly [number, number];

/**
 * Mean, sample sd and Student-t 95% confidence interval of the mean, the interval clipped to `range` (an
 * accuracy's interval never leaves [0, 1], an epoch count's never goes below 1).
 * With one value no uncertainty can be estimated: sd is reported as 0 and the interval collapses to the
 * mean; readers must look at `n` (the verdicts require n ≥ 2). Throws on no values.
 */
export function spread(values: readonly number[], range: Range = [-Infinity, Infinity]): Spread {
  const n = values.length;
  if (n === 0) throw new RangeError('a spread needs at least one value');
  const m = mean(values);
  const sd = sampleSd(values);
  if (n === 1 || sd === 0) return { n, mean: m, sd, ci95: [m, m] };
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  const clip = (v: number): number => Math.min(range[1], Math.max(range[0], v));
  return { n, mean: m, sd, ci95: [clip(m - half), clip(m + half)] };
}

/** `spread(values, range)`, or null when there are no values. */
export function spreadOrNull(values: readonly number[], range?: Range): Spread | null {
  return values.length === 0 ? null : spread(values, range);
}

/** Ranges of the quantities studies summarise. */
export const RANGES = {
  fraction: [0, 1],
  nonNegative: [0, Infinity],
  epochs: [1, Infinity],
} as const satisfies Record<string, Range>;

export interface WelchResult {
  /** mean(a) − mean(b). */
  difference: number;
  /** 95% confidence interval of the difference. */
  ci95: [number, number];
  /** Welch's t; ±Infinity when both samples have zero variance but different means. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (non-integer in general). */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Welch's unequal-variance t test of mean(a) = mean(b). Needs at least 2 values in each sample (a variance
 * cannot be estimated from one). When both variances are 0 the standard error is 0: equal means give t 0 and
 * p 1, different means give t ±Infinity and p 0, and the interval collapses to the difference.
 */
export function welch(a: readonly number[], b: readonly number[]): WelchResult {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(`Welch's test needs at least 2 values a side (got ${a.length} and ${b.length})`);
  }
  const difference = mean(a) - mean(b);
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    const df = a.length + b.length - 2;
    if (difference === 0) return { difference, ci95: [0, 0], t: 0, df, p: 1 };
    return { difference, ci95: [difference, difference], t: difference > 0 ? Infinity : -Infinity, df, p: 0 };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const t = difference / se;
  const half = t975(df) * se;
  return { difference, ci95: [difference - half, difference + half], t, df, p: tTwoSidedP(t, df) };
}
