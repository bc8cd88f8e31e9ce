/** Registers only the ECharts parts the option builders use, keeping the bundle small. */
import { use } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

let registered = false;

export function registerChartParts(): void {
  if (registered) return;
  // SVG for charts whose labels must be readable text in the page (the study's accuracy-vs-size axis).
  use([
    LineChart,
    BarChart,
    HeatmapChart,
    ScatterChart,
    GridComponent,
    TooltipComponent,
    LegendComponent,
    TitleComponent,
    VisualMapComponent,
    CanvasRenderer,
    SVGRenderer,
  ]);
  registered = true;
}
