/**
 * Claim 4's evidence: how the output gradient of the probe samples depends on their error, and how much the
 * hidden activation attenuates the backward signal. Plain numbers in, plain numbers out.
 */
import type { OutputSignal, RunDetail } from '../../../../shared/run-types';
import { completedRuns, epochOf, lastEpochOf } from '../stats/group-runs';

/** A probe sample counts as wrong when its true-class output is at least half the target range off (error ≥ 0.5). */
export const WRONG_ERROR = 0.5;
/** Fewest wrong samples (pooled over seeds) for a rank correlation to be judged. */
export const MIN_WRONG = 20;

/** Average ranks (1-based), ties sharing the mean of their positions. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) result[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export interface RankCorrelation {
  n: number;
  rho: number;
  /** 95% interval by Fisher's z with the Fieller–Hartley–Pearson variance 1.06 / (n − 3). */
  ci95: [number, number];
}

/** Spearman's rank correlation of x and y with its 95% interval; needs n ≥ 4. */
export function spearman(x: readonly number[], y: readonly number[]): RankCorrelation {
  const n = x.length;
  if (n !== y.length || n < 4) throw new RangeError(`a rank correlation needs at least 4 pairs of equal length (got ${n})`);
  const rho = pearson(ranks(x), ranks(y));
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
  const half = 1.959963984540054 * Math.sqrt(1.06 / (n - 3));
  return { n, rho, ci95: [Math.tanh(z - half), Math.tanh(z + half)] };
}

/** The output signal of a run at epoch 1 or at its last epoch, if recorded. */
export function outputSignalOf(run: RunDetail, when: 'first' | 'last'): OutputSignal | null {
  const epoch = when === 'first' ? epochOf(run, 1) : lastEpochOf(run);
  return epoch?.layers.find((l) => l.layer === 'output')?.outputSignal ?? null;
}

/** Probe samples of all completed runs pooled: (error, gradient) pairs, the wrong ones only when `wrongOnly`. */
export function pooledSignal(runs: readonly RunDetail[], when: 'first' | 'last', wrongOnly: boolean): OutputSignal {
  const error: number[] = [];
  const gradient: number[] = [];
  for (const run of completedRuns(runs)) {
    const signal = outputSignalOf(run, when);
    if (!signal) continue;
    signal.error.forEach((e, i) => {
      if (wrongOnly && e < WRONG_ERROR) return;
      error.push(e);
      gradient.push(signal.gradient[i]);
    });
  }
  return { error, gradient };
}

/** Spearman of gradient on error over the wrong probe samples, or null with fewer than MIN_WRONG of them. */
export function wrongSampleCorrelation(runs: readonly RunDetail[], when: 'first' | 'last'): RankCorrelation | { n: number; rho: null } {
  const wrong = pooledSignal(runs, when, true);
  if (wrong.error.length < MIN_WRONG) return { n: wrong.error.length, rho: null };
  return spearman(wrong.error, wrong.gradient);
}

/** Hidden layer `layer`'s attenuation at the last epoch, by seed, over completed runs that recorded it. */
export function attenuationBySeed(runs: readonly RunDetail[], layer: string): Map<number, number> {
  const values = new Map<number, number>();
  for (const run of completedRuns(runs)) {
    const a = lastEpochOf(run)?.layers.find((l) => l.layer === layer)?.attenuation;
    if (typeof a === 'number' && Number.isFinite(a)) values.set(run.seed, a);
  }
  return values;
}
