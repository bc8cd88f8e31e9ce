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

  const means = aggregates.map((a) => at(a[curve], (p) => p.mean));
  const twins = identicalTo(means);
  const series = aggregates.flatMap((a, i) => {
    const color = colorAt(i);
    const points = a[curve];
    const twin = twins[i];
    const lower = at(points, (p) => p.lower);
    const upper = at(points, (p) => p.upper);
    const band = lower.map((l, j) => (l === null || upper[j] === null ? null : (upper[j] as number) - l));
    const stack = `band-${a.key}`;
    return [
      // A curve identical to an earlier one is drawn dashed on top of it, so neither hides the other.
      twin === null
        ? { type: 'line' as const, name: a.label, data: means[i], color, showSymbol: true, z: 3 }
        : { type: 'line' as const, name: a.label, data: means[i], color, showSymbol: false, z: 4, lineStyle: { type: 'dashed' as const, width: 2.5 } },
      { type: 'line' as const, name: a.label, data: lower, stack, color, lineStyle: { opacity: 0 }, showSymbol: false, silent: true, tooltip: { show: false } },
      {
        type: 'line' as const,
        name: a.label,
        data: band,
        stack,
        color,
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.18 },
        showSymbol: false,
        silent: true,
        tooltip: { show: false },
      },
    ];
  });

  return {
    animation: false,
    title: title(TITLES[curve], twinNote(aggregates, twins)),
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    legend: { type: 'scroll', bottom: 0, data: aggregates.map((a) => a.label) },
    grid: { ...GRID, top: twins.some((t) => t !== null) ? 64 : GRID.top, bottom: 56 },
    xAxis: { type: 'category', data: epochs.map(String), name: 'epoch', nameLocation: 'middle', nameGap: 24, boundaryGap: false },
    yAxis: { type: 'value', scale: true, max: percent ? 1 : undefined, axisLabel: { formatter: (v: number) => format(v) } },
    series,
  };
}

/** For each curve, the index of an earlier curve with exactly the same points, or null. */
export function identicalTo(curves: readonly (readonly (number | null)[])[]): (number | null)[] {
  const same = (a: readonly (number | null)[], b: readonly (number | null)[]): boolean =>
    a.length === b.length &&
    a.some((v) => v !== null) &&
    a.every((v, k) => v === b[k] || (v !== null && b[k] !== null && Math.abs(v - (b[k] as number)) <= 1e-12));
  return curves.map((c, i) => {
    const j = curves.slice(0, i).findIndex((earlier) => same(c, earlier));
    return j >= 0 ? j : null;
  });
}

/** "Example 2 has the same curve as Example 1 (dashed on top)." for each identical pair. */
function twinNote(aggregates: readonly ConfigAggregate[], twins: readonly (number | null)[]): string | undefined {
  const notes = twins.flatMap((j, i) => (j === null ? [] : [`${aggregates[i].label} has the same curve as ${aggregates[j].label} (dashed on top)`]));
  return notes.length ? `${notes.join('; ')}.` : undefined;
}
