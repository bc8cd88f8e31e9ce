/**
 * The option builders colour series from one palette (shared with the exported report). On a dark background
 * its darkest colour, the Okabe–Ito blue, is hard to see: the dark theme swaps it for a lighter blue of the
 * same hue, and turns the confusion heatmap's white-to-navy scale around. Pure: returns a copy, functions
 * (formatters) kept as they are.
 */
import type { Option } from './common';

const ON_DARK: Readonly<Record<string, string>> = {
  '#0072b2': '#4fa3e0',
  // The confusion heatmap's scale: near-white for 0 glares on a dark panel, so it runs dark → light instead.
  '#f7fbff': '#1c2636',
  '#6baed6': '#2f6f9f',
  '#08306b': '#9ecae1',
};

function recolour(value: unknown): unknown {
  if (typeof value === 'string') return ON_DARK[value.toLowerCase()] ?? value;
  if (Array.isArray(value)) return value.map(recolour);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, recolour(v)]));
  }
  return value;
}

export function forTheme(option: Option, theme: 'light' | 'dark'): Option {
  const themed = theme === 'dark' ? (recolour(option) as Option) : { ...option };
  // ECharts' dark theme paints its own background: the panel's colour shows through instead.
  return { ...themed, backgroundColor: 'transparent' };
}
