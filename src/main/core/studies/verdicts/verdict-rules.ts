/** The decision rule the verdicts share, and how their numbers are written. */
import type { VerdictStatus } from '../../../../shared/study-types';
import { MIN_RUNS } from '../stats/effect';
import { mean, sampleSd, type WelchResult } from '../stats/stats';

/** Significance level of every test in the verdicts (a 95% interval that excludes 0). */
export const ALPHA = 0.05;
/**
 * The practical margin: accuracy differences smaller than this (0.005 = half a percentage point, i.e. 50 of
 * the 10,000 MNIST test images) are treated as no difference that matters. A claim "a is lower" is supported
 * only when the whole 95% interval of the difference lies beyond the margin; a difference whose whole interval
 * lies within ±margin is equivalent to none, however small its p.
 */
export const PRACTICAL_MARGIN = 0.005;
/** Fewest completed runs a side for any verdict (a variance needs two): the statistics' own minimum. */
export { MIN_RUNS } from '../stats/effect';

export interface ClaimDecision {
  status: VerdictStatus;
  /** How the size of the effect reads against the margin, e.g. "real but small: …". */
  size: string;
}

/**
 * For a claim "a is lower than b" (`direction` 'lower') or "a is higher than b" ('higher'), from the 95%
 * interval of mean(a) − mean(b):
 *  - supported: the whole interval lies beyond the margin in the claimed direction (real and large enough);
 *  - not supported: the whole interval lies on the other side of 0 (the opposite holds), or within ±margin
 *    (no difference that matters; when it also excludes 0 the effect is real but small);
 *  - inconclusive: otherwise (not significant yet not equivalent, or real but of unsettled size).
 */
export function decideClaim(ci95: readonly [number, number], direction: 'lower' | 'higher', margin = PRACTICAL_MARGIN): ClaimDecision {
  // A "higher" claim is a "lower" one on the flipped interval.
  const [lo, hi] = direction === 'lower' ? [ci95[0], ci95[1]] : [-ci95[1], -ci95[0]];
  const m = `${(margin * 100).toFixed(1)}-point practical margin`;
  if (hi < -margin) return { status: 'supported', size: `real and larger than the ${m} (the whole 95% CI lies beyond it)` };
  if (lo > 0) return { status: 'not supported', size: 'the opposite holds (the whole 95% CI lies on the other side of 0)' };
  if (lo >= -margin && hi <= margin) {
    const real = hi < 0 ? 'real but small: ' : '';
    return { status: 'not supported', size: `${real}the whole 95% CI lies within the ${m}, so no difference that matters` };
  }
  if (hi < 0) return { status: 'inconclusive', size: `real (the 95% CI excludes 0) but of unsettled size: the CI straddles the ${m}` };
  return { status: 'inconclusive', size: `not significant, and the 95% CI reaches beyond the ${m}` };
}

/** 0.9234 → "92.34%". */
export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

/** A difference of fractions in percentage points: −0.0123 → "−1.23 points". */
export function points(difference: number): string {
  const value = (difference * 100).toFixed(2);
  return `${difference > 0 ? '+' : ''}${value} points`;
}

/** "p = 0.0123", "p < 0.0001". */
export function pValue(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${p.toPrecision(2)}`;
}

/** "92.34% ± 0.12% (n = 5)" for fractions, or with `unit` for plain numbers. */
export function meanSd(values: readonly number[], unit: 'percent' | 'number' = 'percent', digits = 3): string {
  if (values.length === 0) return 'no values';
  const m = mean(values);
  const sd = sampleSd(values);
  const body = unit === 'percent' ? `${pct(m)} ± ${pct(sd)}` : `${m.toPrecision(digits)} ± ${sd.toPrecision(digits)}`;
  return `${body} (n = ${values.length})`;
}

/** "difference −1.23 points, 95% CI [−1.5, −0.9] points, Welch t = −8.1, df = 7.6, p < 0.0001". */
export function welchText(w: WelchResult, unit: 'percent' | 'number' = 'percent'): string {
  const scale = unit === 'percent' ? 100 : 1;
  const u = unit === 'percent' ? ' points' : '';
  const diff = unit === 'percent' ? points(w.difference) : w.difference.toPrecision(3);
  const ci = `[${(w.ci95[0] * scale).toFixed(2)}, ${(w.ci95[1] * scale).toFixed(2)}]${u}`;
  return `difference ${diff}, 95% CI ${ci}, Welch t = ${w.t.toFixed(2)}, df = ${w.df.toFixed(1)}, ${pValue(w.p)}`;
}

/** The reason for an inconclusive verdict when a configuration has too few completed runs, or null. */
export function tooFew(sides: Record<string, { length: number } | { size: number }>): string | null {
  const count = (v: { length: number } | { size: number }): number => ('length' in v ? v.length : v.size);
  const short = Object.entries(sides).filter(([, v]) => count(v) < MIN_RUNS);
  if (short.length === 0) return null;
  const list = short.map(([name, v]) => `${name} has ${count(v)}`).join(', ');
  return `Too few completed runs to decide: ${list} (at least ${MIN_RUNS} each needed).`;
}
