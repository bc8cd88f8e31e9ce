/**
 * Final test accuracy vs training-set size: configurations that differ only in `trainSize` form one series.
 * Labels drop their size part ("Example 1: tanh + MSE · train size 1,000" → "Example 1: tanh + MSE").
 */
import type { RunDetail } from '../../../../shared/run-types';
import type { SizeSeries, StudyConfiguration } from '../../../../shared/study-types';
import { configFingerprint } from '../../../../shared/preset-match';
import { groupRuns, testAccuracies } from './group-runs';
import { presetKeyOf } from '../plan/size-keys';
import { RANGES, spread } from './stats';

function labelWithoutSize(label: string): string {
  const parts = label.split(' · ').filter((p) => !p.startsWith('train size '));
  return parts.length > 0 ? parts.join(' · ') : 'base';
}

function keyWithoutSize(key: string): string {
  const parts = presetKeyOf(key)
    .split(',')
    .filter((p) => !p.startsWith('trainSize='));
  return parts.length > 0 ? parts.join(',') : 'base';
}

/** One series per configuration family with at least one sized configuration that has completed runs. */
export function sizeSeries(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): SizeSeries[] {
  const groups = groupRuns(configurations, runs);
  const families = new Map<string, SizeSeries>();
  for (const c of configurations) {
    const trainSize = c.config.trainSize;
    if (trainSize === undefined) continue;
    const accuracies = testAccuracies(groups.get(c.key) ?? []);
    if (accuracies.length === 0) continue;
    const family = configFingerprint(c.config, ['seed', 'trainSize']);
    const series = families.get(family) ?? { key: keyWithoutSize(c.key), label: labelWithoutSize(c.label), points: [] };
    series.points.push({ trainSize, accuracy: spread(accuracies, RANGES.fraction) });
    families.set(family, series);
  }
  return [...families.values()].map((s) => ({ ...s, points: [...s.points].sort((a, b) => a.trainSize - b.trainSize) }));
}
