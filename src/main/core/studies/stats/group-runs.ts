/** Runs of a study grouped by configuration, and the per-run numbers the aggregates and verdicts use. */
import type { EpochMetrics, RunDetail } from '../../../../shared/run-types';
import type { StudyConfiguration } from '../../../../shared/study-types';
import { configurationKeyOf } from '../plan/config-match';

/**
 * Runs per configuration key, in the configurations' order (empty arrays for configurations with no run).
 * Runs whose config matches no configuration (ignoring the seed) are left out.
 */
export function groupRuns(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): Map<string, RunDetail[]> {
  const groups = new Map<string, RunDetail[]>(configurations.map((c) => [c.key, []]));
  for (const run of runs) {
    const key = configurationKeyOf(run.config, configurations);
    if (key !== null) groups.get(key)?.push(run);
  }
  return groups;
}

/** Completed runs with an evaluation: the only ones whose final numbers count. */
export function completedRuns(runs: readonly RunDetail[]): RunDetail[] {
  return runs.filter((r) => r.status === 'completed' && r.evaluation !== null);
}

/** Final test accuracy (0..1) of each completed run. */
export function testAccuracies(runs: readonly RunDetail[]): number[] {
  return completedRuns(runs).map((r) => r.evaluation?.testAccuracy ?? Number.NaN);
}

/** Final test loss of each completed run. */
export function testLosses(runs: readonly RunDetail[]): number[] {
  return completedRuns(runs).map((r) => r.evaluation?.testLoss ?? Number.NaN);
}

/**
 * The accuracy studies judge convergence on: the epoch's test accuracy (the article's protocol has no
 * validation split), else its validation accuracy for runs recorded before per-epoch test figures existed.
 */
export function epochAccuracy(e: EpochMetrics | undefined): { value: number; source: 'test' | 'validation' } | null {
  if (e?.testAccuracy !== null && e?.testAccuracy !== undefined) return { value: e.testAccuracy, source: 'test' };
  if (e?.valAccuracy !== null && e?.valAccuracy !== undefined) return { value: e.valAccuracy, source: 'validation' };
  return null;
}

/** First epoch (1-based) whose accuracy (`epochAccuracy`) reaches `threshold` (0..1), and the training seconds to its end. */
export function firstReaching(epochs: readonly EpochMetrics[], threshold: number): { epoch: number; seconds: number } | null {
  let seconds = 0;
  for (const e of epochs) {
    seconds += e.seconds;
    const accuracy = epochAccuracy(e);
    if (accuracy !== null && accuracy.value >= threshold) return { epoch: e.epoch, seconds };
  }
  return null;
}

/** One number per seed of the completed runs (the last run when a seed ran twice); runs where `pick` gives null are left out. */
export function valuesBySeed(runs: readonly RunDetail[], pick: (r: RunDetail) => number | null): Map<number, number> {
  const values = new Map<number, number>();
  for (const r of completedRuns(runs)) {
    const v = pick(r);
    if (v !== null && Number.isFinite(v)) values.set(r.seed, v);
  }
  return values;
}

/** The epoch with number `epoch`, or undefined. */
export function epochOf(run: RunDetail, epoch: number): EpochMetrics | undefined {
  return run.epochs.find((e) => e.epoch === epoch);
}

/** The run's last recorded epoch, or undefined. */
export function lastEpochOf(run: RunDetail): EpochMetrics | undefined {
  return run.epochs.reduce<EpochMetrics | undefined>((last, e) => (last === undefined || e.epoch > last.epoch ? e : last), undefined);
}

/** One value of a layer's diagnostics at an epoch, or null when the layer or the value is missing. */
export function layerValue(epoch: EpochMetrics | undefined, layer: string, field: 'gradientNorm' | 'saturatedFraction'): number | null {
  const value = epoch?.layers.find((l) => l.layer === layer)?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
