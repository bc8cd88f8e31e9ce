import { GRID, compact, title, type Option } from './common';

/** How the bars are read: scores 0…1 as percentages, raw outputs (tanh's −1…1) as signed decimals. */
export type BarValues = 'scores' | 'raw';

/** A bar's label, readable without a hover: `99%`, `<1%`; raw outputs `0.98`, `-1.00`. */
export function barLabel(v: number, values: BarValues): string {
  if (!Number.isFinite(v)) return '—';
  if (values === 'raw') return v.toFixed(2);
  const pct = v * 100;
  return pct > 0 && pct < 1 ? '<1%' : `${Math.round(pct)}%`;
}

/** Indices of the `k` largest values: the bars worth a label (ten labels do not fit a narrow chart). */
export function topIndices(values: readonly number[], k = 3): Set<number> {
  return new Set(
    values
      .map((v, i) => [v, i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, k)
      .map(([, i]) => i),
  );
}

/**
 * The 10 outputs of a model as bars, the predicted class highlighted, the three largest labelled with their
 * value (the others on hover). Raw
 * outputs are what argmax sees, so with tanh and no rescale they may be negative: the axis then extends below 0.
 */
export function probabilitiesOption(probabilities: readonly number[], predicted: number | null, heading = 'Outputs', values: BarValues = 'scores'): Option {
  const labels = probabilities.map((_, i) => String(i));
  const min = Math.min(0, ...probabilities);
  const max = Math.max(1, ...probabilities);
  const labelled = topIndices(probabilities);
  return {
    animation: false,
    title: title(heading),
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? (values === 'raw' ? v.toFixed(4) : compact(v)) : '—') },
    grid: { ...GRID, left: 48, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: min < 0 ? -1 : 0, max: max > 1 ? Math.ceil(max) : 1 },
    series: [
      {
        type: 'bar',
        name: values === 'raw' ? 'raw output' : 'score',
        data: probabilities.map((v, i) => ({ value: v, itemStyle: { color: i === predicted ? '#d55e00' : '#0072b2' } })),
        label: { show: true, position: 'top', fontSize: 10, formatter: (p) => (labelled.has(p.dataIndex) ? barLabel(Number(p.value), values) : '') },
      },
    ],
  };
}
