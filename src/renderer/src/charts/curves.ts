/** Train/validation/test curves over epochs, for one run or several overlaid. Shared by loss and accuracy. */
import type { EpochMetrics } from '@shared/run-types';
import { GRID, asPercent, colorAt, compact, legendLayout, title, type Option } from './common';
import { DEFAULT_CURVE_VIEW, divideBy, epochLabel, firstFinite, positiveOnly, smooth, type CurvePoint, type CurveView } from './curve-view';

/** One run to plot; `name` prefixes its series when several are overlaid. */
export interface CurveRun {
  name: string;
  epochs: readonly EpochMetrics[];
  /**
   * Batch-level training loss while the run trains: [x, loss] with x in epochs (epoch − 1 + batch / batches),
   * so a batch point sits between the epoch points on the same axis.
   */
  batches?: readonly CurvePoint[];
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

export interface CurveOptions {
  /** Scale, normalisation (loss charts only) and smoothing (batch-level curves). */
  view?: CurveView;
  /** Epochs the run will train: the x axis spans them from the start, so a live chart does not rescale. */
  epochsPlanned?: number;
}

export function curvesOption(spec: CurveSpec, runs: readonly CurveRun[], options: CurveOptions = {}): Option {
  const view = options.view ?? DEFAULT_CURVE_VIEW;
  const overlaid = runs.length > 1;
  // Normalising and log scale are for losses: accuracy already shares one 0..1 axis.
  const normalise = view.normalise && !spec.percent;
  const log = view.scale === 'log' && !spec.percent;
  const series = runs.flatMap((run, i) => {
    const prefix = overlaid ? `${run.name} · ` : '';
    const color = colorAt(i);
    const rawTrain: CurvePoint[] = run.epochs.map((e) => [e.epoch, finite(spec.train(e))]);
    const rawBatches = spec.percent ? [] : [...(run.batches ?? [])];
    const base = normalise ? (firstFinite(rawTrain) ?? firstFinite(rawBatches)) : null;
    const shape = (points: CurvePoint[]): CurvePoint[] => {
      const scaled = normalise ? divideBy(points, base) : points;
      return log ? positiveOnly(scaled) : scaled;
    };
    const train = shape(rawTrain);
    const val = shape(run.epochs.map((e) => [e.epoch, finite(spec.validation(e))]));
    const test = shape(run.epochs.map((e) => [e.epoch, finite(spec.test(e))]));
    const line = (name: string, data: CurvePoint[], style: 'solid' | 'dashed' | 'dotted') => ({
      type: 'line' as const,
      name,
      data,
      color,
      showSymbol: true,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { type: style, width: 2 },
    });
    const out: Record<string, unknown>[] = [line(`${prefix}train`, train, 'solid')];
    if (val.some(([, v]) => v !== null)) out.push(line(`${prefix}validation`, val, 'dashed'));
    if (test.some(([, v]) => v !== null)) out.push(line(`${prefix}test`, test, 'dotted'));
    if (rawBatches.length > 0) {
      out.push({
        type: 'line' as const,
        name: `${prefix}train (batches)`,
        data: shape(smooth(rawBatches, view.smoothing)),
        color,
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1.2, opacity: 0.75 },
        z: 1,
      });
    }
    return out;
  });
  const hasBatches = runs.some((r) => (r.batches?.length ?? 0) > 0) && !spec.percent;
  const lastEpoch = Math.max(1, ...runs.flatMap((r) => r.epochs.map((e) => e.epoch)));
  const maxEpoch = Math.max(lastEpoch, options.epochsPlanned ?? 0);
  const format = spec.percent ? asPercent : compact;
  const legend = legendLayout(series.map((s) => String(s.name)));
  return {
    animation: false,
    title: title(spec.title, normalise ? 'each run ÷ its first training loss' : undefined),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—'),
    },
    legend: { type: 'plain', bottom: 0, itemGap: 12 },
    grid: { ...GRID, top: normalise ? 60 : GRID.top, bottom: 40 + legend.height },
    xAxis: {
      type: 'value',
      name: 'epoch',
      nameLocation: 'middle',
      nameGap: 24,
      // Batch points start inside epoch 1, so the axis starts at 0 (the run's start) when there are any.
      min: hasBatches || options.epochsPlanned ? 0 : 1,
      max: maxEpoch,
      minInterval: 1,
      axisPointer: { label: { formatter: (p) => epochLabel(p.value as number) } },
    },
    yAxis: {
      type: log ? 'log' : 'value',
      name: normalise ? `${spec.yName} ÷ first` : spec.yName,
      scale: !log,
      max: spec.percent ? 1 : undefined,
      axisLabel: { formatter: (v: number) => format(v) },
    },
    series: series as Option['series'],
  };
}

/** NaN and ±Infinity (a diverged run) become gaps, which ECharts draws as breaks in the line. */
function finite(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}
