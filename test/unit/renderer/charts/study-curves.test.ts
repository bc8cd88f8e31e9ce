import { describe, expect, it } from 'vitest';
import type { ConfigAggregate, CurvePoint } from '@shared/study-types';
import { identicalTo, studyCurvesOption } from '@renderer/charts/study-curves';
import { seriesOf } from '@support/renderer/fixtures';

const point = (epoch: number, mean: number, sd: number): CurvePoint => ({ epoch, mean, lower: mean - sd, upper: mean + sd });

function aggregate(key: string, curve: CurvePoint[], testCurve: CurvePoint[] = []): ConfigAggregate {
  return {
    key,
    label: key,
    runs: 3,
    testAccuracy: null,
    testLoss: null,
    epochsTo90: null,
    epochsTo95: null,
    secondsTo90: null,
    secondsTo95: null,
    reached90: 0,
    reached95: 0,
    valAccuracyCurve: curve,
    testAccuracyCurve: testCurve,
    trainLossCurve: [],
    gradientNorms: [],
    saturation: [],
    outputSignal: { first: null, last: null },
  };
}

describe('studyCurvesOption', () => {
  it('draws the per-epoch test accuracy curve as percentages under its own title', () => {
    const option = studyCurvesOption([aggregate('mse', [], [point(1, 0.93, 0.01), point(2, 0.95, 0.01)])], 'testAccuracyCurve');
    expect(seriesOf(option)[0].data).toEqual([0.93, 0.95]);
    expect(JSON.stringify(option.title)).toContain('Test accuracy');
    expect(option.yAxis).toMatchObject({ max: 1 });
  });

  it('draws a mean line and a stacked band (lower, upper − lower) per configuration', () => {
    const option = studyCurvesOption(
      [aggregate('mse', [point(1, 0.8, 0.02), point(2, 0.9, 0.01)]), aggregate('ce', [point(1, 0.9, 0.01)])],
      'valAccuracyCurve',
    );
    const series = seriesOf(option);
    expect(series).toHaveLength(6);
    const [mean, lower, band] = series;
    expect(mean.data).toEqual([0.8, 0.9]);
    expect(lower.data).toEqual([0.78, 0.89]);
    expect((band.data as number[]).map((v) => Math.round(v * 1000) / 1000)).toEqual([0.04, 0.02]);
    expect(lower.stack).toBe(band.stack);
    expect(band.areaStyle).toBeDefined();
    // The shorter curve has a gap where it has no epoch.
    expect(series[3].data).toEqual([0.9, null]);
    expect(option.xAxis).toMatchObject({ data: ['1', '2'] });
    expect(option.legend).toMatchObject({ data: ['mse', 'ce'] });
  });

  it('plots per-epoch test accuracy as a percentage, titled as test', () => {
    const a = aggregate('x', []);
    a.testAccuracyCurve = [point(1, 0.95, 0.01)];
    const option = studyCurvesOption([a], 'testAccuracyCurve');
    expect(seriesOf(option)[0].data).toEqual([0.95]);
    expect(option.yAxis).toMatchObject({ max: 1 });
    expect(option.title).toMatchObject({ text: 'Test accuracy after each epoch, mean ± sd over seeds' });
  });

  it('plots training loss when asked, without the percent cap', () => {
    const a = aggregate('x', []);
    a.trainLossCurve = [point(1, 0.3, 0.1)];
    const option = studyCurvesOption([a], 'trainLossCurve');
    expect(seriesOf(option)[0].data).toEqual([0.3]);
    expect(option.yAxis).toMatchObject({ max: undefined });
  });

  it('says when a configuration’s curve is identical to another and draws it dashed instead of hiding it', () => {
    const curve = [point(1, 0.8, 0.02), point(2, 0.9, 0.01)];
    const option = studyCurvesOption(
      [aggregate('Example 1', curve), aggregate('Example 2', [...curve]), aggregate('Example 3', [point(1, 0.9, 0.01), point(2, 0.95, 0.01)])],
      'valAccuracyCurve',
    );
    const means = seriesOf(option).filter((_, i) => i % 3 === 0);
    expect(means[0].lineStyle).toBeUndefined();
    expect(means[1].lineStyle).toMatchObject({ type: 'dashed' });
    expect(means[2].lineStyle).toBeUndefined();
    expect(option.title).toMatchObject({ subtext: 'Example 2 has the same curve as Example 1 (dashed on top).' });
    expect(
      identicalTo([
        [1, 2],
        [1, 2],
        [null, null],
        [null, null],
      ]),
    ).toEqual([null, 0, null, null]);
  });
});
