import { describe, expect, it } from 'vitest';
import { accuracyVsSizeOption, sizesOf } from '@shared/charts/accuracy-vs-size';
import { renderSvg } from '@core/studies/report/render-chart';
import { SERIES_PALETTE } from '@shared/palette';
import type { SizeSeries } from '@shared/study-types';

const spread = (mean: number, half: number) => ({ n: 3, mean, sd: half / 2, ci95: [mean - half, mean + half] as [number, number] });
const series: SizeSeries[] = [
  {
    key: 'example-1',
    label: 'Example 1',
    points: [
      { trainSize: 200, accuracy: spread(0.7, 0.02) },
      { trainSize: 500, accuracy: spread(0.8, 0.01) },
    ],
  },
  {
    key: 'example-3',
    label: 'Example 3',
    points: [
      { trainSize: 200, accuracy: spread(0.75, 0.03) },
      { trainSize: 5000, accuracy: spread(0.9, 0.005) },
    ],
  },
];

describe('accuracyVsSizeOption', () => {
  const option = accuracyVsSizeOption(series);

  it('puts the sizes on a log x axis, labelled exactly at the sizes', () => {
    expect(sizesOf(series)).toEqual([200, 500, 5000]);
    expect(option.xAxis).toMatchObject({ type: 'log', min: 200, max: 5000, axisLabel: { customValues: [200, 500, 5000] } });
  });

  it('draws each configuration as a mean line and a 95% CI band in percent', () => {
    const lines = option.series as { name: string; data: number[][]; stack?: string; areaStyle?: unknown }[];
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({
      name: 'Example 1',
      data: [
        [200, 70],
        [500, 80],
      ],
    });
    // lower edge, then the band's height stacked on it
    expect(lines[1].data).toEqual([
      [200, 68],
      [500, 79],
    ]);
    expect(lines[2].data[0][1]).toBeCloseTo(4, 9);
    expect(lines[2].areaStyle).toBeDefined();
    expect(lines[1].stack).toBe(lines[2].stack);
    expect(lines[3]).toMatchObject({
      name: 'Example 3',
      data: [
        [200, 75],
        [5000, 90],
      ],
    });
  });

  it("colours configurations from the app's one palette, on screen as in the report", () => {
    const many = Array.from({ length: 9 }, (_, i): SizeSeries => ({ ...series[0], key: `c${i}`, label: `c${i}` }));
    const lines = accuracyVsSizeOption(many).series as { name: string; color: string }[];
    const colours = many.map((s) => lines.find((l) => l.name === s.label)?.color);
    expect(colours).toEqual([...SERIES_PALETTE, SERIES_PALETTE[0]]);
  });

  it('renders to SVG with every size as an axis label', () => {
    const svg = renderSvg(accuracyVsSizeOption(series));
    for (const size of ['200', '500', '5,000']) expect(svg).toMatch(new RegExp(`>${size}</text>`));
  });
});
