/**
 * JSON for stored columns that keeps NaN and ±Infinity (plain JSON turns them into null). A diverged run's
 * metrics are exactly such numbers, and reading them back as null would break their `number` type.
 */

const NON_FINITE = new Map<string, number>([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
]);

/** Marks a non-finite number so it cannot be confused with a string that happens to read "NaN". */
const MARK = '\u0000num:';

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `${MARK}${String(v)}` : v));
}

/** Inverse of `encodeJson`; the caller states the type it stored. */
export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'string' && v.startsWith(MARK)) {
      const number = NON_FINITE.get(v.slice(MARK.length));
      if (number !== undefined) return number;
    }
    return v;
  }) as T;
}
