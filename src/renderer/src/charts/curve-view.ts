/**
 * How a person has chosen to look at loss curves: log or linear axis, each run divided by its epoch-1 value
 * (so MSE ≈ 0.01 and cross-entropy ≈ 0.3 share one axis), and TensorBoard-style smoothing of batch-level
 * curves. Pure transforms of [x, y] points; nulls are gaps and stay gaps.
 */
export type CurvePoint = [number, number | null];

export interface CurveView {
  scale: 'linear' | 'log';
  /** Divide each run's curves by its first finite training loss, so different losses share one axis. */
  normalise: boolean;
  /** 0 (raw) … 0.99: weight of the exponential moving average applied to batch-level curves. */
  smoothing: number;
}

export const DEFAULT_CURVE_VIEW: CurveView = { scale: 'linear', normalise: false, smoothing: 0.6 };

/**
 * Exponential moving average with TensorBoard's debiasing (the first points are not pulled towards 0).
 * Gaps (null, non-finite) are kept and do not feed the average.
 */
export function smooth(points: readonly CurvePoint[], weight: number): CurvePoint[] {
  const w = Math.min(0.99, Math.max(0, weight));
  if (w === 0) return points.map(([x, y]) => [x, y]);
  let last = 0;
  let n = 0;
  return points.map(([x, y]) => {
    if (y === null || !Number.isFinite(y)) return [x, null];
    last = last * w + (1 - w) * y;
    n += 1;
    return [x, last / (1 - w ** n)];
  });
}

/** Each y divided by `base`; a base that is not a positive finite number leaves the points as they are. */
export function divideBy(points: readonly CurvePoint[], base: number | null): CurvePoint[] {
  if (base === null || !Number.isFinite(base) || base <= 0) return points.map(([x, y]) => [x, y]);
  return points.map(([x, y]) => [x, y === null ? null : y / base]);
}

/** A log axis cannot show 0 or negatives: those points become gaps. */
export function positiveOnly(points: readonly CurvePoint[]): CurvePoint[] {
  return points.map(([x, y]) => [x, y !== null && y > 0 ? y : null]);
}

/** The first finite y, the base for normalising a run. */
export function firstFinite(points: readonly CurvePoint[]): number | null {
  for (const [, y] of points) if (y !== null && Number.isFinite(y)) return y;
  return null;
}

/** Epoch as a person reads it in a tooltip: 2 → "epoch 2", 1.5 → "epoch 1.50". */
export function epochLabel(value: number | string): string {
  const v = Number(value);
  if (!Number.isFinite(v)) return String(value);
  return `epoch ${Number.isInteger(v) ? String(v) : v.toFixed(2)}`;
}
