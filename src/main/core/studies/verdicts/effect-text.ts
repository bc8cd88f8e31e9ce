/** How an accuracy effect is written in a verdict: both sides, the error rates, the interval, the design. */
import type { AccuracyEffect } from '../stats/effect';
import { MIN_RUNS, pct, points, pValue } from './verdict-rules';

function signedPercent(fraction: number): string {
  return `${fraction > 0 ? '+' : ''}${(fraction * 100).toFixed(0)}%`;
}

/** "41% more errors, 95% CI [+20%, +62%]", or "" when b made no errors. */
export function relativeErrorText(e: AccuracyEffect): string {
  if (e.relativeError === null || e.relativeErrorCi95 === null) return '';
  const words = e.relativeError >= 0 ? 'more errors' : 'fewer errors';
  const ci = `[${signedPercent(e.relativeErrorCi95[0])}, ${signedPercent(e.relativeErrorCi95[1])}]`;
  return `${Math.abs(e.relativeError * 100).toFixed(0)}% ${words}, 95% CI ${ci}`;
}

/** The test behind an effect, naming the design: paired by seed, or Welch and why. */
export function designText(e: AccuracyEffect): string {
  const stat = `t = ${e.t.toFixed(2)}, df = ${e.df.toFixed(e.design === 'paired' ? 0 : 1)}, ${pValue(e.p)}`;
  if (e.design === 'paired') {
    const left = e.unmatched.length > 0 ? `; seed(s) ${e.unmatched.join(', ')} ran on one side only and are left out` : '';
    return `paired t over ${e.n} matched seeds (same initial weights and shuffles per seed), ${stat}${left}`;
  }
  return `Welch's independent-samples t (fewer than ${MIN_RUNS} seeds ran on both sides, so runs cannot be paired), ${stat}`;
}

/**
 * "Example 1 93.42% vs Example 3 94.20% (error 6.58% vs 5.80%: 13% more errors, 95% CI [+9%, +18%]);
 * difference −0.78 points, 95% CI [−1.02, −0.54] points; paired t over 5 matched seeds …".
 */
export function effectText(e: AccuracyEffect, nameA: string, nameB: string): string {
  const relative = relativeErrorText(e);
  const errors = `error ${pct(1 - e.meanA)} vs ${pct(1 - e.meanB)}${relative ? `: ${relative}` : ''}`;
  const ci = `[${(e.ci95[0] * 100).toFixed(2)}, ${(e.ci95[1] * 100).toFixed(2)}] points`;
  return `${nameA} ${pct(e.meanA)} vs ${nameB} ${pct(e.meanB)} (${errors}); difference ${points(e.difference)}, 95% CI ${ci}; ${designText(e)}`;
}
