/** Pieces every option builder shares: palette, grid, axis formatting. Pure. */
import type { EChartsOption } from 'echarts';

export type Option = EChartsOption;

/** Colour-blind-friendly (Okabe–Ito), so overlaid runs and configurations stay distinguishable. */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442', '#000000'];

export const colorAt = (i: number): string => PALETTE[i % PALETTE.length];

export const GRID = { left: 56, right: 24, top: 48, bottom: 40, containLabel: false } as const;

export const asPercent = (v: number): string => `${Math.round(v * 1000) / 10}%`;

/** A compact number for axis labels: 0.0012 → 1.2e-3, 12.5 → 12.5. */
export function compact(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 0.01 || a >= 1e4 ? v.toExponential(1) : String(Math.round(v * 1000) / 1000);
}

export function title(text: string, subtext?: string): Option['title'] {
  return { text, subtext, left: 'center', textStyle: { fontSize: 13, fontWeight: 600 }, subtextStyle: { fontSize: 11 } };
}
