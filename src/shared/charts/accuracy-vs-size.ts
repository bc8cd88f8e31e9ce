/**
 * Final test accuracy vs training-set size: one line per configuration (mean over seeds) with its 95%
 * interval as a band, on a log x axis whose labels are exactly the study's sizes. A pure function of plain
 * data, used by the study report (rendered to SVG in main) and the Studies view.
 */
import type { EChartsOption } from 'echarts';
import { SERIES_PALETTE } from '../palette';
import type { SizeSeries } from '../study-types';

/** Every size of any series, ascending, once. */
export function sizesOf(series: readonly SizeSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.trainSize)))].sort((a, b) => a - b);
}

export function accuracyVsSizeOption(series: readonly SizeSeries[]): EChartsOption {
  const sizes = sizesOf(series);
  const percent = (v: number): number => Math.round(v * 10000) / 100;
  const lines = series.flatMap((s, i) => {
    const color = SERIES_PALETTE[i % SERIES_PALETTE.length];
    const stack = `ci-${s.key}`;
    const hidden = { lineStyle: { opacity: 0 }, showSymbol: false, silent: true, tooltip: { show: false } } as const;
    return [
      { type: 'line' as const, name: s.label, color, z: 3, symbolSize: 6, data: s.points.map((p) => [p.trainSize, percent(p.accuracy.mean)]) },
      { type: 'line' as const, name: s.label, color, stack, ...hidden, data: s.points.map((p) => [p.trainSize, percent(p.accuracy.ci95[0])]) },
      {
        type: 'line' as const,
        name: s.label,
        color,
        stack,
        ...hidden,
        areaStyle: { color, opacity: 0.18 },
        data: s.points.map((p) => [p.trainSize, percent(p.accuracy.ci95[1]) - percent(p.accuracy.ci95[0])]),
      },
    ];
  });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: 'Final test accuracy vs training-set size (mean, band: 95% CI over seeds)', left: 'center', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0, data: series.map((s) => s.label) },
    grid: { left: 60, right: 24, top: 44, bottom: 80 },
    xAxis: {
      type: 'log',
      logBase: 10,
      name: 'training-set size (log scale)',
      nameLocation: 'middle',
      nameGap: 26,
      min: sizes.length > 0 ? sizes[0] : 1,
      max: sizes.length > 0 ? sizes[sizes.length - 1] : 10,
      axisLabel: { customValues: sizes },
      axisTick: { customValues: sizes },
    },
    yAxis: { type: 'value', name: 'test accuracy (%)', scale: true, max: 100 },
    series: lines,
  };
}
