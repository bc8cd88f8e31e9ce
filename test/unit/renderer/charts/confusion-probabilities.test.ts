import { describe, expect, it } from 'vitest';
import { confusionMatrixOption, normaliseRows } from '@renderer/charts/confusion-matrix';
import { probabilitiesOption } from '@renderer/charts/probabilities';
import { seriesOf } from '../fixtures';

const confusion = [
  [8, 2, 0],
  [1, 9, 0],
  [0, 0, 0],
];
const names = ['cat', 'dog', 'eel'];

describe('confusionMatrixOption', () => {
  it('lays counts out as [predicted, true, count] cells with class labels on both axes', () => {
    const option = confusionMatrixOption(confusion, names, 'counts');
    const [series] = seriesOf(option);
    expect(series.type).toBe('heatmap');
    expect(series.data).toContainEqual([1, 0, 2]);
    expect(series.data).toHaveLength(9);
    expect(option.xAxis).toMatchObject({ data: names, name: 'predicted' });
    expect(option.yAxis).toMatchObject({ data: names, name: 'true', inverse: true });
    expect(option.visualMap).toMatchObject({ min: 0, max: 9 });
  });

  it('row-normalises, leaving an empty class at 0', () => {
    expect(normaliseRows(confusion)).toEqual([[0.8, 0.2, 0], [0.1, 0.9, 0], [0, 0, 0]]);
    const option = confusionMatrixOption(confusion, names, 'normalised');
    expect(seriesOf(option)[0].data).toContainEqual([1, 1, 0.9]);
    expect(option.visualMap).toMatchObject({ max: 1 });
  });

  it('labels classes by index when names are missing', () => {
    expect(confusionMatrixOption(confusion, [], 'counts').xAxis).toMatchObject({ data: ['0', '1', '2'] });
  });
});

describe('probabilitiesOption', () => {
  it('draws 10 bars and highlights the predicted class', () => {
    const p = [0.01, 0.02, 0.9, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01];
    const option = probabilitiesOption(p, 2);
    const data = seriesOf(option)[0].data as { value: number; itemStyle: { color: string } }[];
    expect(data).toHaveLength(10);
    expect(data[2].itemStyle.color).not.toBe(data[0].itemStyle.color);
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
  });

  it('extends the axis below 0 for raw tanh outputs', () => {
    expect(probabilitiesOption([-0.9, 0.8, 0, 0, 0, 0, 0, 0, 0, 0], 1).yAxis).toMatchObject({ min: -1, max: 1 });
  });
});
