/** Registers only the ECharts parts the option builders use, keeping the bundle small. */
import { use } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

let registered = false;

export function registerChartParts(): void {
  if (registered) return;
  use([LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent, CanvasRenderer]);
  registered = true;
}
