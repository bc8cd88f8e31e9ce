/**
 * Per-configuration summaries of a study's runs. Final numbers (test accuracy and loss, epochs and seconds to
 * 90% / 95% held-out accuracy, curves, layer trends) use completed runs only: a stopped or failed run would
 * bias them toward whatever made it stop.
 */
import type { RunDetail } from '../../../shared/run-types';
import type { Comparison, ConfigAggregate, CurvePoint, LayerTrend, StudyConfiguration } from '../../../shared/study-types';
import { mean, sampleSd, spreadOrNull, welch } from './stats';
import {
  completedRuns,
  epochOf,
  firstReaching,
  groupRuns,
  lastEpochOf,
  layerValue,
  testAccuracies,
  testLosses,
} from './group-runs';

/** mean ± sd over runs, per epoch, of the values that exist (a run without that epoch is left out). */
function curve(runs: readonly RunDetail[], pick: (r: RunDetail, epoch: number) => number | null): CurvePoint[] {
  const lastEpoch = Math.max(0, ...runs.map((r) => lastEpochOf(r)?.epoch ?? 0));
  const points: CurvePoint[] = [];
  for (let epoch = 1; epoch <= lastEpoch; epoch++) {
    const values = runs.map((r) => pick(r, epoch)).filter((v): v is number => v !== null && Number.isFinite(v));
    if (values.length === 0) continue;
    const m = mean(values);
    const sd = sampleSd(values);
    points.push({ epoch, mean: m, lower: m - sd, upper: m + sd });
  }
  return points;
}

/** Layer names in the order of the first run that has diagnostics. */
function layerNames(runs: readonly RunDetail[]): string[] {
  return runs.find((r) => r.epochs.length > 0)?.epochs[0].layers.map((l) => l.layer) ?? [];
}

/** Mean over runs of a layer value at epoch 1 and at each run's last epoch; layers with no value are left out. */
function layerTrends(runs: readonly RunDetail[], field: 'gradientNorm' | 'saturatedFraction'): LayerTrend[] {
  const trends: LayerTrend[] = [];
  for (const layer of layerNames(runs)) {
    const first = runs.map((r) => layerValue(epochOf(r, 1), layer, field)).filter((v): v is number => v !== null);
    const last = runs.map((r) => layerValue(lastEpochOf(r), layer, field)).filter((v): v is number => v !== null);
    if (first.length > 0 && last.length > 0) trends.push({ layer, first: mean(first), last: mean(last) });
  }
  return trends;
}

/** Summary of one configuration's runs (of any status; see the module note for which runs count where). */
export function aggregateConfiguration(configuration: StudyConfiguration, runs: readonly RunDetail[]): ConfigAggregate {
  const done = completedRuns(runs);
  const reach = (threshold: number) => done.map((r) => firstReaching(r.epochs, threshold)).filter((x) => x !== null);
  const to90 = reach(0.9);
  const to95 = reach(0.95);
  return {
    key: configuration.key,
    label: configuration.label,
    runs: runs.length,
    testAccuracy: spreadOrNull(testAccuracies(done)),
    testLoss: spreadOrNull(testLosses(done)),
    epochsTo90: spreadOrNull(to90.map((x) => x.epoch)),
    epochsTo95: spreadOrNull(to95.map((x) => x.epoch)),
    secondsTo90: spreadOrNull(to90.map((x) => x.seconds)),
    secondsTo95: spreadOrNull(to95.map((x) => x.seconds)),
    reached90: to90.length,
    reached95: to95.length,
    valAccuracyCurve: curve(done, (r, e) => epochOf(r, e)?.valAccuracy ?? null),
    testAccuracyCurve: curve(done, (r, e) => epochOf(r, e)?.testAccuracy ?? null),
    trainLossCurve: curve(done, (r, e) => epochOf(r, e)?.trainLoss ?? null),
    gradientNorms: layerTrends(done, 'gradientNorm'),
    saturation: layerTrends(done, 'saturatedFraction'),
  };
}

/** One aggregate per configuration, in the configurations' order; runs map to configurations by config minus seed. */
export function aggregateStudy(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): ConfigAggregate[] {
  const groups = groupRuns(configurations, runs);
  return configurations.map((c) => aggregateConfiguration(c, groups.get(c.key) ?? []));
}

/**
 * Welch's test of `metric` between configurations `a` and `b` (difference = a − b), over their completed runs.
 * Throws RangeError when a key is unknown or a side has fewer than 2 completed runs.
 */
export function compare(
  configurations: readonly StudyConfiguration[],
  runs: readonly RunDetail[],
  a: string,
  b: string,
  metric: Comparison['metric'],
): Comparison {
  const groups = groupRuns(configurations, runs);
  const values = (key: string): number[] => {
    const group = groups.get(key);
    if (!group) throw new RangeError(`the study has no configuration "${key}"`);
    const v = metric === 'testAccuracy' ? testAccuracies(group) : testLosses(group);
    if (v.length < 2) throw new RangeError(`"${key}" has ${v.length} completed run(s); a comparison needs at least 2 a side`);
    return v;
  };
  const result = welch(values(a), values(b));
  return { a, b, metric, ...result };
}
