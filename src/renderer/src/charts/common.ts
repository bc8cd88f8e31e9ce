/** Pieces every option builder shares: palette, grid, axis formatting, legend room. Pure. */
import type { EChartsOption } from 'echarts';
import { SERIES_PALETTE } from '@shared/palette';

export type Option = EChartsOption;

/** The i-th series' colour from the app's one palette (shared with the exported study report), so runs and configurations keep their colour. */
export const colorAt = (i: number): string => SERIES_PALETTE[i % SERIES_PALETTE.length];

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

/** Narrowest chart the layout gives (the chart grid's column minimum), in px. */
const CHART_WIDTH = 360;
/** Legend row height at ECharts' default 12 px font, in px. */
const LEGEND_ROW = 22;

/**
 * Height a plain (non-paging) legend needs for these names at the narrowest chart width: every series stays
 * visible instead of hiding behind "1/2" pages. About 6.5 px a character plus the symbol and the gap.
 */
export function legendLayout(names: readonly string[]): { rows: number; height: number } {
  let rows = names.length > 0 ? 1 : 0;
  let used = 0;
  for (const name of names) {
    const width = 25 + 12 + name.length * 6.5;
    if (used > 0 && used + width > CHART_WIDTH) {
      rows += 1;
      used = 0;
    }
    used += width;
  }
  return { rows, height: rows * LEGEND_ROW };
}
