import { GRID, compact, title, type Option } from './common';

/**
 * The 10 outputs of a model as bars, the predicted class highlighted. Outputs are what argmax sees, so
 * with tanh and no rescale they may be negative: the axis then extends below 0.
 */
export function probabilitiesOption(probabilities: readonly number[], predicted: number | null, heading = 'Outputs'): Option {
  const labels = probabilities.map((_, i) => String(i));
  const min = Math.min(0, ...probabilities);
  const max = Math.max(1, ...probabilities);
  return {
    animation: false,
    title: title(heading),
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? compact(v) : '—') },
    grid: { ...GRID, left: 48, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: min < 0 ? -1 : 0, max: max > 1 ? Math.ceil(max) : 1 },
    series: [
      {
        type: 'bar',
        name: 'output',
        data: probabilities.map((v, i) => ({ value: v, itemStyle: { color: i === predicted ? '#d55e00' : '#0072b2' } })),
      },
    ],
  };
}
