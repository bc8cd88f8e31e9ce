/**
 * Per-configuration summaries of a study's runs. Final numbers (test accuracy and loss, epochs and seconds to
 * 90% / 95% accuracy (per-epoch test, else validation), curves, layer trends) use completed runs only: a stopped or failed run would
 * bias them toward whatever made it stop.
 */
import type { RunDetail } from '../../../../shared/run-types';
import type { Comparison, ConfigAggregate, CurvePoint, LayerTrend, StudyConfiguration } from '../../../../shared/study-types';
import { mean, RANGES, sampleSd, spreadOrNull, welch } from './stats';
import { pooledSignal } from '../verdicts/mechanism';
import type { OutputSignal } from '../../../../shared/run-types';
import { completedRuns, epochOf, firstReaching, groupRuns, lastEpochOf, layerValue, testAccuracies, testLosses, valuesBySeed } from './group-runs';
import { pairBySeed, pairedT } from './paired';

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

/** Points a signal cloud keeps at most: enough to see its shape, small enough to send with every study read. */
export const CLOUD_POINTS = 512;

/** The runs' probe signals pooled, evenly thinned to CLOUD_POINTS; null when no run recorded one. */
function signalCloud(runs: readonly RunDetail[], when: 'first' | 'last'): OutputSignal | null {
  const all = pooledSignal(runs, when, false);
  if (all.error.length === 0) return null;
  const step = Math.max(1, all.error.length / CLOUD_POINTS);
  const picks = Array.from({ length: Math.min(CLOUD_POINTS, all.error.length) }, (_, i) => Math.floor(i * step));
  return { error: picks.map((i) => all.error[i]), gradient: picks.map((i) => all.gradient[i]) };
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
    testAccuracy: spreadOrNull(testAccuracies(done), RANGES.fraction),
    testLoss: spreadOrNull(testLosses(done), RANGES.nonNegative),
    epochsTo90: spreadOrNull(
      to90.map((x) => x.epoch),
      RANGES.epochs,
    ),
    epochsTo95: spreadOrNull(
      to95.map((x) => x.epoch),
      RANGES.epochs,
    ),
    secondsTo90: spreadOrNull(
      to90.map((x) => x.seconds),
      RANGES.nonNegative,
    ),
    secondsTo95: spreadOrNull(
      to95.map((x) => x.seconds),
      RANGES.nonNegative,
    ),
    reached90: to90.length,
    reached95: to95.length,
    testAccuracyCurve: curve(done, (r, e) => epochOf(r, e)?.testAccuracy ?? null),
    valAccuracyCurve: curve(done, (r, e) => epochOf(r, e)?.valAccuracy ?? null),
    trainLossCurve: curve(done, (r, e) => epochOf(r, e)?.trainLoss ?? null),
    gradientNorms: layerTrends(done, 'gradientNorm'),
    saturation: layerTrends(done, 'saturatedFraction'),
    outputSignal: { first: signalCloud(done, 'first'), last: signalCloud(done, 'last') },
  };
}

/** One aggregate per configuration, in the configurations' order; runs map to configurations by config minus seed. */
export function aggregateStudy(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): ConfigAggregate[] {
  const groups = groupRuns(configurations, runs);
  return configurations.map((c) => aggregateConfiguration(c, groups.get(c.key) ?? []));
}

/**
 * Test of `metric` between configurations `a` and `b` (difference = a − b), over their completed runs: paired
 * by seed when at least 2 seeds ran on both sides (the study's design: same initial weights and shuffles per
 * seed), else Welch's independent-samples test. Throws RangeError when a key is unknown or a side has fewer
 * than 2 completed runs.
 */
export function compare(
  configurations: readonly StudyConfiguration[],
  runs: readonly RunDetail[],
  a: string,
  b: string,
  metric: Comparison['metric'],
): Comparison {
  const groups = groupRuns(configurations, runs);
  const values = (key: string): Map<number, number> => {
    const group = groups.get(key);
    if (!group) throw new RangeError(`the study has no configuration "${key}"`);
    const v = valuesBySeed(group, (r) => (metric === 'testAccuracy' ? r.evaluation?.testAccuracy : r.evaluation?.testLoss) ?? null);
    if (v.size < 2) throw new RangeError(`"${key}" has ${v.size} completed run(s); a comparison needs at least 2 a side`);
    return v;
  };
  const pairs = pairBySeed(values(a), values(b));
  if (pairs.seeds.length >= 2) {
    const { n, difference, ci95, t, df, p } = pairedT(pairs.a, pairs.b);
    return { a, b, metric, design: 'paired', n, difference, ci95, t, df, p };
  }
  const { difference, ci95, t, df, p } = welch([...values(a).values()], [...values(b).values()]);
  return { a, b, metric, design: 'welch', n: Math.min(values(a).size, values(b).size), difference, ci95, t, df, p };
}
