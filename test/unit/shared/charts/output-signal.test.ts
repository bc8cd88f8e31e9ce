import { describe, expect, it } from 'vitest';
import { GRADIENT_FLOOR, outputSignalOption } from '@shared/charts/output-signal';
import { renderSvg } from '@core/studies/report/render-chart';
import { SERIES_PALETTE } from '@shared/palette';
import type { ConfigAggregate } from '@shared/study-types';

function aggregate(key: string, first: ConfigAggregate['outputSignal']['first'], last: ConfigAggregate['outputSignal']['last']): ConfigAggregate {
  return {
    key,
    label: key,
    runs: 2,
    testAccuracy: null,
    testLoss: null,
    epochsTo90: null,
    epochsTo95: null,
    secondsTo90: null,
    secondsTo95: null,
    reached90: 0,
    reached95: 0,
    testAccuracyCurve: [],
    valAccuracyCurve: [],
    trainLossCurve: [],
    gradientNorms: [],
    saturation: [],
    outputSignal: { first, last },
  };
}

describe('outputSignalOption', () => {
  const aggregates = [
    aggregate('mse', { error: [0.1, 0.9], gradient: [0.05, 0] }, { error: [0.2], gradient: [0.01] }),
    aggregate('old', null, null),
    aggregate('ce', { error: [0.1, 0.9], gradient: [0.14, 1.2] }, null),
  ];

  it('one scatter per configuration that recorded a signal, error on x, gradient on a log y (zero floored)', () => {
    const first = outputSignalOption(aggregates, 'first');
    expect(first.yAxis).toMatchObject({ type: 'log' });
    const series = first.series as { name: string; data: number[][]; color: string }[];
    expect(series.map((s) => s.name)).toEqual(['mse', 'ce']);
    expect(series[0].data).toEqual([
      [0.1, 0.05],
      [0.9, GRADIENT_FLOOR],
    ]);
    // colours follow the configuration's position, so they match the other study charts
    expect(series[1].color).not.toBe(series[0].color);
    expect((outputSignalOption(aggregates, 'last').series as unknown[]).length).toBe(1);
  });

  it("colours configurations from the app's one palette, on screen as in the report", () => {
    const many = Array.from({ length: 9 }, (_, i) => aggregate(`c${i}`, { error: [0.5], gradient: [0.1] }, null));
    const series = outputSignalOption(many, 'first').series as { color: string }[];
    expect(series.map((s) => s.color)).toEqual([...SERIES_PALETTE, SERIES_PALETTE[0]]);
  });

  it('renders server-side', () => {
    expect(renderSvg(outputSignalOption(aggregates, 'first'))).toContain('epoch 1');
  });
});
