import { describe, expect, it } from 'vitest';
import { gradientNormsOption } from '@renderer/charts/gradient-norms';
import { saturationAxisMax, saturationOption } from '@renderer/charts/saturation';
import { epoch, layer, seriesOf } from '@support/renderer/fixtures';

describe('gradientNormsOption', () => {
  it('draws one line per layer on a log axis', () => {
    const option = gradientNormsOption([epoch(1), epoch(2, { layers: [layer({ gradientNorm: 0.25 }), layer({ layer: 'output', gradientNorm: 0.01 })] })]);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['dense1', 'output']);
    expect(series[0].data).toEqual([
      [1, 0.5],
      [2, 0.25],
    ]);
    expect(option.yAxis).toMatchObject({ type: 'log' });
  });

  it('falls back to a linear axis when a norm is 0', () => {
    const option = gradientNormsOption([epoch(1, { layers: [layer({ gradientNorm: 0 })] })]);
    expect(option.yAxis).toMatchObject({ type: 'value' });
  });
});

describe('saturationOption', () => {
  it('plots saturated and dead fractions only for layers that have them', () => {
    const layers = [
      layer({ layer: 'dense1', activation: 'relu', saturatedFraction: null, deadFraction: 0.2 }),
      layer({ layer: 'dense2', activation: 'tanh', saturatedFraction: 0.4 }),
      layer({ layer: 'output', activation: 'softmax', saturatedFraction: null }),
    ];
    const option = saturationOption([epoch(1, { layers }), epoch(2, { layers })]);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['dense2 saturated', 'dense1 dead']);
    expect(series[1].data).toEqual([
      [1, 0.2],
      [2, 0.2],
    ]);
    // Fitted to the data (40 % at most): the next round step above, not the whole 0–100 %.
    expect(option.yAxis).toMatchObject({ min: 0, max: 0.5 });
  });

  it('fits the axis so that 1 % is readable, and uses 0–100 % once the data nears it', () => {
    expect(saturationAxisMax([0.004, 0.01])).toBe(0.02);
    expect(saturationAxisMax([0])).toBe(0.01);
    expect(saturationAxisMax([0.2, 0.7])).toBe(1);
  });

  it('says so when no layer can be measured', () => {
    const option = saturationOption([epoch(1, { layers: [layer({ saturatedFraction: null, deadFraction: null })] })]);
    expect(seriesOf(option)).toEqual([]);
    expect(option.title).toMatchObject({ subtext: 'no tanh, sigmoid or relu layer to measure' });
  });
});
