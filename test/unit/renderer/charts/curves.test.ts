import { describe, expect, it } from 'vitest';
import { lossCurveOption } from '@renderer/charts/loss-curve';
import { accuracyCurveOption } from '@renderer/charts/accuracy-curve';
import { epoch, seriesOf } from '@support/renderer/fixtures';

describe('lossCurveOption', () => {
  it('plots train, validation and test loss per epoch for one run', () => {
    const option = lossCurveOption([{ name: 'a', epochs: [epoch(1), epoch(2)] }]);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['train', 'validation', 'test']);
    expect(series[0].data).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    expect(series[1].data).toEqual([
      [1, 1.1],
      [2, 0.55],
    ]);
    expect(series[2].data).toEqual([
      [1, 1.2],
      [2, 0.6],
    ]);
    expect(series.every((s) => s.type === 'line')).toBe(true);
  });

  it('omits validation when the run has none (the article’s protocol) and breaks the line at non-finite losses', () => {
    const option = lossCurveOption([
      { name: 'a', epochs: [epoch(1, { valLoss: null, valAccuracy: null }), epoch(2, { trainLoss: Number.NaN, valLoss: null, valAccuracy: null })] },
    ]);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['train', 'test']);
    expect(series[0].data).toEqual([
      [1, 1],
      [2, null],
    ]);
  });

  it('draws an old run (validation, no per-epoch test) with train and validation only', () => {
    const old = [epoch(1, { testLoss: null, testAccuracy: null }), epoch(2, { testLoss: null, testAccuracy: null })];
    expect(seriesOf(lossCurveOption([{ name: 'a', epochs: old }])).map((s) => s.name)).toEqual(['train', 'validation']);
    expect(seriesOf(accuracyCurveOption([{ name: 'a', epochs: old }])).map((s) => s.name)).toEqual(['train', 'validation']);
  });

  it('overlays several runs with their names, each in its own colour', () => {
    const option = lossCurveOption([
      { name: '#1 mse', epochs: [epoch(1)] },
      { name: '#2 ce', epochs: [epoch(1), epoch(2), epoch(3)] },
    ]);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual([
      '#1 mse · train',
      '#1 mse · validation',
      '#1 mse · test',
      '#2 ce · train',
      '#2 ce · validation',
      '#2 ce · test',
    ]);
    expect(series[0].color).toBe(series[2].color);
    expect(series[0].color).not.toBe(series[3].color);
    expect(option.xAxis).toMatchObject({ min: 1, max: 3 });
  });

  it('gives an empty chart, not an error, before the first epoch', () => {
    expect(seriesOf(lossCurveOption([{ name: 'a', epochs: [] }]))[0].data).toEqual([]);
  });
});

describe('accuracyCurveOption', () => {
  it('plots train, validation and test accuracy on a percent axis capped at 1', () => {
    const option = accuracyCurveOption([{ name: 'a', epochs: [epoch(1)] }]);
    const series = seriesOf(option);
    expect(series[0].data).toEqual([[1, 0.81]]);
    expect(series[1].data).toEqual([[1, 0.8]]);
    expect(series[2]).toMatchObject({ name: 'test', data: [[1, 0.79]] });
    expect(option.yAxis).toMatchObject({ max: 1 });
  });
});
