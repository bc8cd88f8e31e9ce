import { title, type Option } from './common';

export type ConfusionMode = 'counts' | 'normalised';

/** Pixel sizes of the area under the heatmap, top to bottom: tick labels, the axis name, the colour scale. */
export const AXIS_NAME_SIZE = 12;
export const SCALE_THICKNESS = 12;
export const SCALE_BOTTOM = 6;
/** Height ECharts keeps beside a continuous scale's bar for its hover indicator, measured in the rendered chart. */
export const SCALE_INDICATOR = 16;
/** Free space kept between the axis name and the colour scale. */
export const SCALE_CLEARANCE = 10;

/**
 * Where the x axis name and the grid's bottom go so that tick labels, the name and the colour scale never
 * overlap: long class names (Fashion-MNIST's "T-shirt/top") are rotated and need more height.
 */
export function bottomLayout(labels: readonly string[]): { rotate: number; nameGap: number; gridBottom: number } {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const rotate = longest > 3 ? 30 : 0;
  // A rotated label is about half its width tall (sin 30°), at ~6.5 px a character of the 12 px axis font.
  const labelHeight = rotate ? Math.ceil(longest * 6.5 * 0.5) + 14 : 16;
  const nameGap = labelHeight + 14;
  // nameGap reaches the middle of the axis name (nameLocation 'middle').
  const gridBottom = nameGap + AXIS_NAME_SIZE / 2 + SCALE_CLEARANCE + SCALE_INDICATOR + SCALE_THICKNESS + SCALE_BOTTOM;
  return { rotate, nameGap, gridBottom };
}

/** Each row divided by its sum (the class's support), so a cell is the fraction of that true class. */
export function normaliseRows(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((v) => (total > 0 ? v / total : 0));
  });
}

/** Heatmap of confusion[true][predicted]: predicted on x, true on y (class 0 on top). */
export function confusionMatrixOption(confusion: readonly (readonly number[])[], classNames: readonly string[], mode: ConfusionMode): Option {
  const values = mode === 'counts' ? confusion.map((r) => [...r]) : normaliseRows(confusion);
  const labels = confusion.map((_, i) => classNames[i] ?? String(i));
  const data = values.flatMap((row, t) => row.map((v, p) => [p, t, v] as [number, number, number]));
  const max = mode === 'counts' ? Math.max(1, ...data.map(([, , v]) => v)) : 1;
  const format = (v: number): string => (mode === 'counts' ? String(v) : v.toFixed(2));
  const layout = bottomLayout(labels);
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
    grid: { left: 90, right: 24, top: 48, bottom: layout.gridBottom },
    xAxis: {
      type: 'category',
      data: labels,
      name: 'predicted',
      nameLocation: 'middle',
      nameGap: layout.nameGap,
      nameTextStyle: { fontSize: AXIS_NAME_SIZE },
      axisLabel: { interval: 0, rotate: layout.rotate },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: labels,
      name: 'true',
      nameLocation: 'middle',
      nameGap: 72,
      inverse: true,
      axisLabel: { interval: 0 },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: SCALE_BOTTOM,
      itemWidth: SCALE_THICKNESS,
      itemHeight: 160,
      // The scale's ends, beside the bar (not under it, where they met the axis name).
      text: [format(max), format(0)],
      textGap: 8,
      textStyle: { fontSize: 11 },
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
