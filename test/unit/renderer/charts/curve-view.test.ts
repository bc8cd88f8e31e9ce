import { describe, expect, it } from 'vitest';
import { divideBy, epochLabel, positiveOnly, smooth } from '@renderer/charts/curve-view';
import { lossCurveOption } from '@renderer/charts/loss-curve';
import { accuracyCurveOption } from '@renderer/charts/accuracy-curve';
import { legendLayout } from '@renderer/charts/common';
import { epoch, seriesOf } from '@support/renderer/fixtures';

describe('curve view transforms', () => {
  it('smooths with a debiased moving average: a constant stays constant, gaps stay gaps', () => {
    expect(
      smooth(
        [
          [0.1, 2],
          [0.2, 2],
          [0.3, null],
          [0.4, 2],
        ],
        0.9,
      ),
    ).toEqual([
      [0.1, 2],
      [0.2, 2],
      [0.3, null],
      [0.4, 2],
    ]);
    const s = smooth(
      [
        [1, 0],
        [2, 1],
      ],
      0.5,
    );
    expect(s[1][1]).toBeCloseTo(2 / 3); // (0.5·0.5·0 + 0.5·1) / (1 − 0.25)
    expect(smooth([[1, 3]], 0)).toEqual([[1, 3]]);
  });

  it('divides by a positive base and drops non-positive values for a log axis', () => {
    expect(
      divideBy(
        [
          [1, 0.02],
          [2, 0.01],
        ],
        0.02,
      ),
    ).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    expect(divideBy([[1, 0.5]], 0)).toEqual([[1, 0.5]]);
    expect(
      positiveOnly([
        [1, 0],
        [2, -1],
        [3, 0.1],
      ]),
    ).toEqual([
      [1, null],
      [2, null],
      [3, 0.1],
    ]);
  });

  it('reads epochs as whole numbers in tooltips', () => {
    expect(epochLabel(2)).toBe('epoch 2');
    expect(epochLabel(1.5)).toBe('epoch 1.50');
  });
});

describe('loss curves with a view', () => {
  const mse = { name: '#1 mse', epochs: [epoch(1, { trainLoss: 0.02, valLoss: 0.03 }), epoch(2, { trainLoss: 0.01, valLoss: 0.015 })] };
  const ce = { name: '#2 ce', epochs: [epoch(1, { trainLoss: 0.4, valLoss: 0.5 }), epoch(2, { trainLoss: 0.2, valLoss: 0.25 })] };

  it('puts MSE and cross-entropy on one axis when normalised to epoch 1', () => {
    const option = lossCurveOption([mse, ce], { view: { scale: 'linear', normalise: true, smoothing: 0 } });
    const series = seriesOf(option);
    expect(series[0].data).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    expect(series[3].data).toEqual([
      [1, 1],
      [2, 0.5],
    ]); // the second run's train (each run: train, validation, test)
    expect(series[1].data).toEqual([
      [1, 1.5],
      [2, 0.75],
    ]); // validation ÷ the run's first training loss
    expect(option.yAxis).toMatchObject({ name: 'loss ÷ first' });
  });

  it('draws a log axis for losses but never for accuracy', () => {
    const view = { scale: 'log', normalise: false, smoothing: 0 } as const;
    expect(lossCurveOption([mse], { view }).yAxis).toMatchObject({ type: 'log' });
    expect(accuracyCurveOption([mse], { view }).yAxis).toMatchObject({ type: 'value', max: 1 });
  });

  it('adds the batch-level loss, smoothed, on the epoch axis starting at 0 and spanning the planned epochs', () => {
    const live = {
      name: 'live',
      epochs: [],
      batches: [
        [0.25, 2],
        [0.5, 1],
        [0.75, 1],
      ] as [number, number][],
    };
    const option = lossCurveOption([live], { view: { scale: 'linear', normalise: false, smoothing: 0.5 }, epochsPlanned: 3 });
    const batches = seriesOf(option).find((s) => s.name === 'train (batches)');
    expect(batches?.data).toHaveLength(3);
    expect((batches?.data as [number, number][])[1][1]).toBeCloseTo((0.25 * 2 + 0.5 * 1) / 0.75);
    expect(option.xAxis).toMatchObject({ min: 0, max: 3 });
    // Accuracy has no batch-level series.
    expect(seriesOf(accuracyCurveOption([live])).map((s) => s.name)).toEqual(['train']);
  });

  it('keeps every legend entry visible: no paging, more room as names grow', () => {
    const option = lossCurveOption([mse, ce]);
    expect(option.legend).toMatchObject({ type: 'plain' });
    expect(legendLayout(['train', 'validation']).rows).toBe(1);
    expect(legendLayout(['#12 a long run name · train', '#12 a long run name · validation', '#13 another long name · train']).rows).toBeGreaterThan(1);
  });
});
