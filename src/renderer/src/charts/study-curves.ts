import type { ConfigAggregate, CurvePoint } from '@shared/study-types';
import { GRID, asPercent, colorAt, compact, title, type Option } from './common';

export type StudyCurve = 'testAccuracyCurve' | 'valAccuracyCurve' | 'trainLossCurve';

const TITLES: Record<StudyCurve, string> = {
  testAccuracyCurve: 'Test accuracy after each epoch, mean ± sd over seeds',
  valAccuracyCurve: 'Validation accuracy, mean ± sd over seeds',
  trainLossCurve: 'Training loss, mean ± sd over seeds',
};

/**
 * Mean curve over seeds per configuration, with a mean ± sd band. The band is drawn as two stacked lines,
 * the lower one invisible and the second (upper − lower) filled, so it shares the configuration's colour.
 */
export function studyCurvesOption(aggregates: readonly ConfigAggregate[], curve: StudyCurve): Option {
  const percent = curve !== 'trainLossCurve';
  const format = percent ? asPercent : compact;
  const maxEpoch = Math.max(0, ...aggregates.flatMap((a) => a[curve].map((p) => p.epoch)));
  const epochs = Array.from({ length: maxEpoch }, (_, i) => i + 1);
  const at = (points: readonly CurvePoint[], pick: (p: CurvePoint) => number): (number | null)[] =>
    epochs.map((e) => {
      const p = points.find((q) => q.epoch === e);
      return p && Number.isFinite(pick(p)) ? pick(p) : null;
    });

  const series = aggregates.flatMap((a, i) => {
    const color = colorAt(i);
    const points = a[curve];
    const lower = at(points, (p) => p.lower);
    const upper = at(points, (p) => p.upper);
    const band = lower.map((l, j) => (l === null || upper[j] === null ? null : (upper[j] as number) - l));
    const stack = `band-${a.key}`;
    return [
      { type: 'line' as const, name: a.label, data: at(points, (p) => p.mean), color, showSymbol: true, z: 3 },
      { type: 'line' as const, name: a.label, data: lower, stack, color, lineStyle: { opacity: 0 }, showSymbol: false, silent: true, tooltip: { show: false } },
      { type: 'line' as const, name: a.label, data: band, stack, color, lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.18 }, showSymbol: false, silent: true, tooltip: { show: false } },
    ];
  });

  return {
    animation: false,
    title: title(TITLES[curve]),
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    legend: { type: 'scroll', bottom: 0, data: aggregates.map((a) => a.label) },
    grid: { ...GRID, bottom: 56 },
    xAxis: { type: 'category', data: epochs.map(String), name: 'epoch', nameLocation: 'middle', nameGap: 24, boundaryGap: false },
    yAxis: { type: 'value', scale: true, max: percent ? 1 : undefined, axisLabel: { formatter: (v: number) => format(v) } },
    series,
  };
}
