import { describe, expect, it } from 'vitest';
import { forTheme } from '@renderer/charts/theme';
import { lossCurveOption } from '@renderer/charts/loss-curve';
import { epoch, seriesOf } from '@support/renderer/fixtures';

describe('forTheme', () => {
  it('lightens the palette’s dark blue on dark backgrounds only, keeping formatters and a transparent background', () => {
    const option = lossCurveOption([{ name: 'a', epochs: [epoch(1)] }]);
    const dark = forTheme(option, 'dark');
    expect(seriesOf(dark)[0].color).toBe('#4fa3e0');
    expect(seriesOf(forTheme(option, 'light'))[0].color).toBe('#0072b2');
    expect(typeof (dark.tooltip as { valueFormatter?: unknown }).valueFormatter).toBe('function');
    expect(dark.backgroundColor).toBe('transparent');
    expect(seriesOf(option)[0].color).toBe('#0072b2'); // the input is not changed
  });
});
