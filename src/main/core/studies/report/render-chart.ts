/** Server-side chart rendering: ECharts to an SVG string, and SVG to PNG with resvg when it can be loaded. */
import { init, use } from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-options';

/** Renders `option` to a standalone SVG document of `width` × `height` pixels. */
export function renderSvg(option: ChartOption, width = 720, height = 400): string {
  // Registering is idempotent; done here, not at import, so importing this module has no side effects.
  use([SVGRenderer, LineChart, BarChart, ScatterChart, GridComponent, LegendComponent, TitleComponent]);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export type Raster = { format: 'png'; data: Uint8Array } | { format: 'svg'; data: string; reason: string };

/**
 * Rasterises an SVG to PNG with @resvg/resvg-js (a native addon, loaded on first use). If it cannot be
 * loaded on this platform, returns the SVG itself with the reason, so the export can name the file honestly.
 */
export async function rasterise(svg: string): Promise<Raster> {
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (error) {
    return { format: 'svg', data: svg, reason: `no PNG rasteriser could be loaded (${String(error)})` };
  }
  const rendered = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true } }).render();
  return { format: 'png', data: new Uint8Array(rendered.asPng()) };
}
