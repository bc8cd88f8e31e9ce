import { describe, expect, it } from 'vitest';
import { testCurveOption } from '@renderer/charts/test-curve';
import { probabilitiesOption, barLabel, topIndices } from '@renderer/charts/probabilities';
import { epoch, seriesOf } from '@support/renderer/fixtures';

describe('testCurveOption', () => {
  it('plots test accuracy and test loss per epoch on their own axes, skipping epochs without a test pass', () => {
    const option = testCurveOption([epoch(1, { testAccuracy: null, testLoss: null }), epoch(2), epoch(3)]);
    const [accuracy, loss] = seriesOf(option);
    expect(accuracy.name).toBe('test accuracy');
    expect(accuracy.data).toEqual([
      [2, 0.8],
      [3, 0.81],
    ]);
    const losses = loss.data as [number, number][];
    expect(losses.map(([x]) => x)).toEqual([2, 3]);
    expect(losses[1][1]).toBeCloseTo(0.4);
    expect(loss.yAxisIndex).toBe(1);
  });
});

describe('probability bars', () => {
  it('labels each bar so no hover is needed: percentages for scores, signed decimals for raw outputs', () => {
    expect(barLabel(0.993, 'scores')).toBe('99%');
    expect(barLabel(6.6e-7, 'scores')).toBe('<1%');
    expect(barLabel(0, 'scores')).toBe('0%');
    expect(barLabel(-0.999, 'raw')).toBe('-1.00');
    const [bars] = seriesOf(probabilitiesOption([0.1, 0.9], 1, 'Raw', 'raw'));
    expect(bars.label).toMatchObject({ show: true });
  });
});

describe('bar labels on a narrow chart', () => {
  it('labels only the three largest bars', () => {
    expect([...topIndices([0.1, 0.5, 0.05, 0.3, 0.05])].sort()).toEqual([0, 1, 3]);
    const [bars] = seriesOf(probabilitiesOption([0.1, 0.5, 0.05, 0.3, 0.05], 1));
    const formatter = (bars.label as { formatter: (p: { value: number; dataIndex: number }) => string }).formatter;
    expect(formatter({ value: 0.5, dataIndex: 1 })).toBe('50%');
    expect(formatter({ value: 0.05, dataIndex: 2 })).toBe('');
  });
});
