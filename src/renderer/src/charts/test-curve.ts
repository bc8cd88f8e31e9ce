/** The test split, epoch by epoch: accuracy on the left axis, loss on the right. For the Experiment view's result. */
import type { EpochMetrics } from '@shared/run-types';
import { GRID, asPercent, colorAt, compact, title, type Option } from './common';
import { epochLabel } from './curve-view';

export function testCurveOption(epochs: readonly EpochMetrics[]): Option {
  const measured = epochs.filter((e) => e.testAccuracy !== null || e.testLoss !== null);
  const point = (e: EpochMetrics, v: number | null): [number, number | null] => [e.epoch, v !== null && Number.isFinite(v) ? v : null];
  return {
    animation: false,
    title: title('Test set, epoch by epoch'),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? compact(v) : '—'),
    },
    legend: { bottom: 0 },
    grid: { ...GRID, right: 56, bottom: 56 },
    xAxis: {
      type: 'value',
      name: 'epoch',
      nameLocation: 'middle',
      nameGap: 24,
      min: 1,
      max: Math.max(1, ...epochs.map((e) => e.epoch)),
      minInterval: 1,
      axisPointer: { label: { formatter: (p) => epochLabel(p.value as number) } },
    },
    yAxis: [
      { type: 'value', name: 'accuracy', scale: true, max: 1, axisLabel: { formatter: (v: number) => asPercent(v) } },
      { type: 'value', name: 'loss', scale: true, splitLine: { show: false }, axisLabel: { formatter: (v: number) => compact(v) } },
    ],
    series: [
      {
        type: 'line',
        name: 'test accuracy',
        yAxisIndex: 0,
        color: colorAt(2),
        showSymbol: true,
        data: measured.map((e) => point(e, e.testAccuracy)),
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? asPercent(v) : '—') },
      },
      {
        type: 'line',
        name: 'test loss',
        yAxisIndex: 1,
        color: colorAt(1),
        showSymbol: true,
        lineStyle: { type: 'dashed' },
        data: measured.map((e) => point(e, e.testLoss)),
      },
    ],
  };
}
