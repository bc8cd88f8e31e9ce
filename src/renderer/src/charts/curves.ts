/** Train/validation/test curves over epochs, for one run or several overlaid. Shared by loss and accuracy. */
import type { EpochMetrics } from '@shared/run-types';
import { GRID, asPercent, colorAt, compact, title, type Option } from './common';

/** One run to plot; `name` prefixes its series when several are overlaid. */
export interface CurveRun {
  name: string;
  epochs: readonly EpochMetrics[];
}

export interface CurveSpec {
  title: string;
  yName: string;
  train: (e: EpochMetrics) => number;
  /** null when the run holds no validation data out: no validation line is drawn then. */
  validation: (e: EpochMetrics) => number | null;
  /** The test split measured after each epoch; null in runs recorded before schema 2. */
  test: (e: EpochMetrics) => number | null;
  /** Values are fractions 0..1 shown as percentages. */
  percent: boolean;
}

type Pair = [number, number | null];

export function curvesOption(spec: CurveSpec, runs: readonly CurveRun[]): Option {
  const overlaid = runs.length > 1;
  const series = runs.flatMap((run, i) => {
    const prefix = overlaid ? `${run.name} · ` : '';
    const color = colorAt(i);
    const train: Pair[] = run.epochs.map((e) => [e.epoch, finite(spec.train(e))]);
    const val: Pair[] = run.epochs.map((e) => [e.epoch, finite(spec.validation(e))]);
    const test: Pair[] = run.epochs.map((e) => [e.epoch, finite(spec.test(e))]);
    const line = (name: string, data: Pair[], style: 'solid' | 'dashed' | 'dotted') => ({
      type: 'line' as const,
      name,
      data,
      color,
      showSymbol: true,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { type: style, width: 2 },
    });
    const out = [line(`${prefix}train`, train, 'solid')];
    if (val.some(([, v]) => v !== null)) out.push(line(`${prefix}validation`, val, 'dashed'));
    if (test.some(([, v]) => v !== null)) out.push(line(`${prefix}test`, test, 'dotted'));
    return out;
  });
  const maxEpoch = Math.max(1, ...runs.flatMap((r) => r.epochs.map((e) => e.epoch)));
  const format = spec.percent ? asPercent : compact;
  return {
    animation: false,
    title: title(spec.title),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—'),
    },
    legend: { type: 'scroll', bottom: 0 },
    grid: { ...GRID, bottom: 56 },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 24, min: 1, max: maxEpoch, minInterval: 1 },
    yAxis: {
      type: 'value',
      name: spec.yName,
      scale: true,
      max: spec.percent ? 1 : undefined,
      axisLabel: { formatter: (v: number) => format(v) },
    },
    series,
  };
}

/** NaN and ±Infinity (a diverged run) become gaps, which ECharts draws as breaks in the line. */
function finite(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}
