import type { EpochMetrics } from '@shared/run-types';
import { GRID, colorAt, compact, title, type Option } from './common';
import { layerSeries } from './layer-series';
import { epochLabel } from './curve-view';

/** L2 norm of each layer's kernel gradient per epoch; log scale, since norms span orders of magnitude. */
export function gradientNormsOption(epochs: readonly EpochMetrics[]): Option {
  const series = layerSeries(epochs, (l) => l.gradientNorm);
  // A log axis cannot show 0 (a dead layer's gradient can be exactly 0): fall back to linear then.
  const allPositive = series.every((s) => s.data.every(([, v]) => v > 0));
  return {
    animation: false,
    title: title('Gradient norm per layer'),
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? compact(v) : '—') },
    legend: { bottom: 0 },
    grid: { ...GRID, bottom: 56 },
    xAxis: {
      type: 'value',
      name: 'epoch',
      nameLocation: 'middle',
      nameGap: 24,
      minInterval: 1,
      min: 1,
      axisPointer: { label: { formatter: (p) => epochLabel(p.value as number) } },
    },
    yAxis: { type: allPositive ? 'log' : 'value', name: '‖∇W‖', axisLabel: { formatter: (v: number) => compact(v) } },
    series: series.map((s, i) => ({ type: 'line', name: s.name, data: s.data, color: colorAt(i), showSymbol: true })),
  };
}
