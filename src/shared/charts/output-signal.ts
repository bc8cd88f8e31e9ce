/**
 * Claim 4's mechanism as a picture: for each probe sample, the gradient of its loss w.r.t. the output
 * pre-activation against its output error, one colour per configuration, at epoch 1 or the last epoch.
 * With MSE + tanh the gradient of confidently wrong samples (error near 1) collapses; with softmax +
 * cross-entropy it grows with the error. The y axis is logarithmic: losses differ in scale by orders of
 * magnitude. A pure function of plain data, used by the study report and the Studies view.
 */
import type { EChartsOption } from 'echarts';
import { SERIES_PALETTE } from '../palette';
import type { ConfigAggregate } from '../study-types';

/** Gradients below this are drawn at it: a log axis has no 0. */
export const GRADIENT_FLOOR = 1e-6;

export function outputSignalOption(aggregates: readonly ConfigAggregate[], when: 'first' | 'last'): EChartsOption {
  const withCloud = aggregates.filter((a) => a.outputSignal[when] !== null);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: {
      text: `Output gradient vs output error, probe samples, ${when === 'first' ? 'epoch 1' : 'last epoch'}`,
      left: 'center',
      textStyle: { fontSize: 13 },
    },
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0, data: withCloud.map((a) => a.label) },
    grid: { left: 64, right: 24, top: 44, bottom: 80 },
    xAxis: { type: 'value', name: 'output error (true class, 0 right … 1 confidently wrong)', nameLocation: 'middle', nameGap: 26, min: 0 },
    yAxis: { type: 'log', name: '‖∂loss/∂pre-activation‖', logBase: 10 },
    series: withCloud.map((a) => {
      const cloud = a.outputSignal[when];
      return {
        type: 'scatter' as const,
        name: a.label,
        color: SERIES_PALETTE[aggregates.indexOf(a) % SERIES_PALETTE.length],
        symbolSize: 4,
        data: cloud ? cloud.error.map((e, i) => [e, Math.max(GRADIENT_FLOOR, cloud.gradient[i])]) : [],
      };
    }),
  };
}
