/** Small statistics and machine-load helpers for the benchmark. */
import { loadavg } from 'node:os';

/** Median of `values` (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile q ∈ [0, 1] of `values`; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The 1-minute load average, as `uptime` prints it: the other engineers' work competes for the 2 cores. */
export function load1(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}

/** Milliseconds `fn` takes, measured with the monotonic clock. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Rounds to `digits` significant digits, for readable JSON and tables. */
export function sig(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}
