/** The decision rule the verdicts share, and how their numbers are written. */
import type { VerdictStatus } from '../../../shared/study-types';
import { mean, sampleSd, type WelchResult } from './stats';

/** Significance level of every test in the verdicts. */
export const ALPHA = 0.05;
/**
 * Differences of accuracy smaller than this (0.005 = half a percentage point) are treated as no practical
 * difference: when the whole 95% interval of a difference lies inside ±EQUIVALENCE_MARGIN, the data show the
 * two are equivalent, which answers "is A worse than B?" with no.
 */
export const EQUIVALENCE_MARGIN = 0.005;
/** Fewest completed runs a side for any verdict (a variance needs two). */
export const MIN_RUNS = 2;

/**
 * For a claim "a is lower than b": supported when mean(a) < mean(b) with p < ALPHA; not supported when
 * mean(a) > mean(b) with p < ALPHA, or when the 95% interval of the difference lies within ±margin
 * (equivalent); inconclusive otherwise.
 */
export function decideLower(w: WelchResult, margin = EQUIVALENCE_MARGIN): VerdictStatus {
  if (w.p < ALPHA && w.difference < 0) return 'supported';
  if (w.p < ALPHA && w.difference > 0) return 'not supported';
  if (w.ci95[0] > -margin && w.ci95[1] < margin) return 'not supported';
  return 'inconclusive';
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
export function tooFew(sides: Record<string, readonly number[]>): string | null {
  const short = Object.entries(sides).filter(([, v]) => v.length < MIN_RUNS);
  if (short.length === 0) return null;
  const list = short.map(([name, v]) => `${name} has ${v.length}`).join(', ');
  return `Too few completed runs to decide: ${list} (at least ${MIN_RUNS} each needed).`;
}
