import { title, type Option } from './common';

export type ConfusionMode = 'counts' | 'normalised';

/** Each row divided by its sum (the class's support), so a cell is the fraction of that true class. */
export function normaliseRows(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}

/** Heatmap of confusion[true][predicted]: predicted on x, true on y (class 0 on top). */
export function confusionMatrixOption(
  confusion: readonly (readonly number[])[],
  classNames: readonly string[],
  mode: ConfusionMode,
): Option {
  const values = mode === 'counts' ? confusion.map((r) => [...r]) : normaliseRows(confusion);
  const labels = confusion.map((_, i) => classNames[i] ?? String(i));
  const data = values.flatMap((row, t) => row.map((v, p) => [p, t, v] as [number, number, number]));
  const max = mode === 'counts' ? Math.max(1, ...data.map(([, , v]) => v)) : 1;
  const format = (v: number): string => (mode === 'counts' ? String(v) : v.toFixed(2));
  return {
    animation: false,
    title: title(mode === 'counts' ? 'Confusion matrix (counts)' : 'Confusion matrix (row-normalised)'),
    tooltip: {
      formatter: (p) => {
        const value = Array.isArray(p) ? undefined : p.value;
        if (!Array.isArray(value)) return '';
        const [pred, truth, v] = value as [number, number, number];
        return `true ${labels[truth]} → predicted ${labels[pred]}: ${format(v)}`;
      },
    },
    grid: { left: 90, right: 24, top: 48, bottom: 90 },
    xAxis: { type: 'category', data: labels, name: 'predicted', nameLocation: 'middle', nameGap: 56, axisLabel: { interval: 0, rotate: labels.some((l) => l.length > 3) ? 30 : 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: labels, name: 'true', nameLocation: 'middle', nameGap: 72, inverse: true, axisLabel: { interval: 0 }, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'confusion',
        data,
        label: { show: true, fontSize: 10, formatter: (p) => (Array.isArray(p.value) ? format(Number(p.value[2])) : '') },
      },
    ],
  };
}
