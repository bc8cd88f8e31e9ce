/**
 * ECharts options for the study report, as pure functions of the aggregates (no DOM, no renderer code: the
 * renderer has its own chart builders). Animation is off: the report renders them once, server-side.
 */
import type { ConfigAggregate, CurvePoint } from '../../../../shared/study-types';
import { SERIES_PALETTE as PALETTE } from '../../../../shared/palette';

/** A plain-data ECharts option. */
export type ChartOption = Record<string, unknown>;

/** Mean line and a translucent mean ± sd band (two stacked series) for each configuration. */
function bandSeries(aggregates: readonly ConfigAggregate[], pick: (a: ConfigAggregate) => CurvePoint[], scale: number): unknown[] {
  return aggregates.flatMap((a, i) => {
    const color = PALETTE[i % PALETTE.length];
    const points = pick(a);
    const stack = `band-${a.key}`;
    const common = { type: 'line', symbol: 'none', stack, silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false } };
    return [
      { ...common, name: `${a.label} lower`, data: points.map((p) => [p.epoch, p.lower * scale]) },
      {
        ...common,
        name: `${a.label} band`,
        areaStyle: { color, opacity: 0.15 },
        data: points.map((p) => [p.epoch, (p.upper - p.lower) * scale]),
      },
      { type: 'line', name: a.label, color, symbolSize: 5, data: points.map((p) => [p.epoch, p.mean * scale]) },
    ];
  });
}

function curveOption(title: string, yName: string, aggregates: readonly ConfigAggregate[], series: unknown[]): ChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, data: aggregates.map((a) => a.label) },
    grid: { left: 60, right: 20, top: 40, bottom: 95 },
    xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 25, minInterval: 1, min: 1 },
    yAxis: { type: 'value', name: yName, scale: true },
    series,
  };
}

/** Test accuracy (%) after each epoch, mean ± sd over seeds, one colour per configuration. */
export function testAccuracyCurveChart(aggregates: readonly ConfigAggregate[]): ChartOption {
  const series = bandSeries(aggregates, (a) => a.testAccuracyCurve, 100);
  return curveOption('Test accuracy per epoch (mean ± sd over seeds)', 'accuracy (%)', aggregates, series);
}

/** Validation accuracy (%) per epoch, mean ± sd over seeds, one colour per configuration. */
export function valAccuracyChart(aggregates: readonly ConfigAggregate[]): ChartOption {
  const series = bandSeries(aggregates, (a) => a.valAccuracyCurve, 100);
  return curveOption('Validation accuracy per epoch (mean ± sd over seeds)', 'accuracy (%)', aggregates, series);
}

/** Training loss per epoch, mean ± sd over seeds. Losses of different kinds share the axis but not a scale. */
export function trainLossChart(aggregates: readonly ConfigAggregate[]): ChartOption {
  const series = bandSeries(aggregates, (a) => a.trainLossCurve, 1);
  return curveOption('Training loss per epoch (mean ± sd; each config its own loss)', 'loss', aggregates, series);
}

/** Final test accuracy (%) of each configuration: mean bar, 95% interval and every seed as a dot. */
export function testAccuracyChart(aggregates: readonly ConfigAggregate[], perRun: ReadonlyMap<string, number[]>): ChartOption {
  const labels = aggregates.map((a) => a.label);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: 'Final test accuracy (bar: mean; line: 95% CI; dots: seeds)', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 60, right: 20, top: 40, bottom: 110 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 20, fontSize: 10 } },
    yAxis: { type: 'value', name: 'accuracy (%)', scale: true },
    series: [
      { type: 'bar', name: 'mean', itemStyle: { color: '#c6d3f0' }, data: aggregates.map((a) => (a.testAccuracy ? a.testAccuracy.mean * 100 : null)) },
      ...aggregates.map((a, i) => ({
        type: 'line',
        name: `${a.label} CI`,
        color: '#333333',
        symbol: 'none',
        data: a.testAccuracy
          ? [
              [i, a.testAccuracy.ci95[0] * 100],
              [i, a.testAccuracy.ci95[1] * 100],
            ]
          : [],
      })),
      {
        type: 'scatter',
        name: 'seeds',
        color: '#ee6666',
        symbolSize: 6,
        data: aggregates.flatMap((a, i) => (perRun.get(a.key) ?? []).map((v) => [i, v * 100])),
      },
    ],
  };
}
