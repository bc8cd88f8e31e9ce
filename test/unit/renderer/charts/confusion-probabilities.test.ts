import { describe, expect, it } from 'vitest';
import { SCALE_INDICATOR, bottomLayout, confusionMatrixOption, normaliseRows } from '@renderer/charts/confusion-matrix';
import { probabilitiesOption } from '@renderer/charts/probabilities';
import { seriesOf } from '@support/renderer/fixtures';

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
    expect(normaliseRows(confusion)).toEqual([
      [0.8, 0.2, 0],
      [0.1, 0.9, 0],
      [0, 0, 0],
    ]);
    const option = confusionMatrixOption(confusion, names, 'normalised');
    expect(seriesOf(option)[0].data).toContainEqual([1, 1, 0.9]);
    expect(option.visualMap).toMatchObject({ max: 1 });
  });

  it('labels classes by index when names are missing', () => {
    expect(confusionMatrixOption(confusion, [], 'counts').xAxis).toMatchObject({ data: ['0', '1', '2'] });
  });

  it('labels the colour scale at both ends, beside the bar', () => {
    expect(confusionMatrixOption(confusion, names, 'counts').visualMap).toMatchObject({ orient: 'horizontal', text: ['9', '0'] });
    expect(confusionMatrixOption(confusion, names, 'normalised').visualMap).toMatchObject({ text: ['1.00', '0.00'] });
  });

  it.each([
    ['digits', ['0', '1', '2']],
    ['Fashion-MNIST names', ['T-shirt/top', 'Trouser', 'Ankle boot']],
  ])('keeps the axis name between the tick labels and the colour scale (%s)', (_, classNames) => {
    const option = confusionMatrixOption(confusion, classNames, 'counts');
    const bottom = numberAt(option.grid, 'bottom');
    const nameGap = numberAt(option.xAxis, 'nameGap');
    const nameSize = numberAt(numberHolder(option.xAxis, 'nameTextStyle'), 'fontSize');
    // The scale's box: its bar (itemWidth thick when horizontal) and the room ECharts keeps for its indicator.
    const scaleTop = numberAt(option.visualMap, 'bottom') + numberAt(option.visualMap, 'itemWidth') + SCALE_INDICATOR;
    // The axis name (centred nameGap below the axis) ends above the top of the scale, with room to spare.
    expect(bottom - nameGap - nameSize / 2).toBeGreaterThanOrEqual(scaleTop + 8);
    expect(nameGap).toBeGreaterThanOrEqual(bottomLayout(classNames).nameGap);
  });

  it('rotates long class names and moves the axis name below them', () => {
    const short = bottomLayout(['0', '1']);
    const long = bottomLayout(['T-shirt/top', 'Trouser']);
    expect(short.rotate).toBe(0);
    expect(long.rotate).toBe(30);
    expect(long.nameGap).toBeGreaterThan(short.nameGap);
    expect(long.gridBottom - long.nameGap).toBe(short.gridBottom - short.nameGap);
  });
});

/** A numeric field of one ECharts component (options allow a component or a list of them). */
function numberAt(component: unknown, key: string): number {
  const value = numberHolder(component, key);
  if (typeof value !== 'number') throw new Error(`${key} is not a number: ${String(value)}`);
  return value;
}

function numberHolder(component: unknown, key: string): unknown {
  const first: unknown = Array.isArray(component) ? component[0] : component;
  if (typeof first !== 'object' || first === null || !(key in first)) throw new Error(`no ${key} in ${JSON.stringify(first)}`);
  return (first as Record<string, unknown>)[key];
}

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
