import type { EpochMetrics } from '@shared/run-types';
import { GRID, asPercent, colorAt, title, type Option } from './common';
import { layerSeries } from './layer-series';
import { epochLabel } from './curve-view';

/**
 * Fraction of saturated units (tanh, sigmoid) and of dead units (relu) per layer per epoch, 0..1. Layers
 * whose activation has neither measure are left out; with none left the title says so.
 */
export function saturationOption(epochs: readonly EpochMetrics[]): Option {
  const saturated = layerSeries(epochs, (l) => l.saturatedFraction, ' saturated');
  const dead = layerSeries(epochs, (l) => l.deadFraction, ' dead');
  const all = [...saturated.map((s) => ({ ...s, dashed: false })), ...dead.map((s) => ({ ...s, dashed: true }))];
  return {
    animation: false,
    title: title(
      'Saturated / dead units',
      all.length === 0 ? 'no tanh, sigmoid or relu layer to measure' : 'saturated: |a| near its bound · dead: relu always 0',
    ),
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? asPercent(v) : '—') },
    legend: { bottom: 0 },
    grid: { ...GRID, top: 60, bottom: 56 },
    xAxis: {
      type: 'value',
      name: 'epoch',
      nameLocation: 'middle',
      nameGap: 24,
      minInterval: 1,
      min: 1,
      axisPointer: { label: { formatter: (p) => epochLabel(p.value as number) } },
    },
    // Fitted to the data (1 % must be readable), the whole 0–100 % only once the data nears it.
    yAxis: {
      type: 'value',
      min: 0,
      max: saturationAxisMax(all.flatMap((s) => s.data.map(([, v]) => v))),
      axisLabel: { formatter: (v: number) => asPercent(v) },
    },
    series: all.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.data,
      color: colorAt(i),
      showSymbol: true,
      lineStyle: { type: s.dashed ? 'dashed' : 'solid' },
    })),
  };
}

/** Top of the saturation axis: a round step above the largest fraction, 100 % only when the data gets close. */
export function saturationAxisMax(values: readonly number[]): number {
  const top = Math.max(0, ...values.filter(Number.isFinite));
  if (top > 0.5) return 1;
  const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
  return steps.find((s) => s >= top * 1.1) ?? 1;
}
