/** Sorting for the sortable tables. Pure. */

export type SortValue = string | number | null;
export type Direction = 'asc' | 'desc';

export interface SortState<K extends string> {
  key: K;
  direction: Direction;
}

/** A copy of `rows` ordered by `value`; nulls always last, whichever the direction. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: Direction): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return (a - b) * sign;
    return String(a).localeCompare(String(b), undefined, { numeric: true }) * sign;
  });
}

/** Clicking the sorted column flips its direction; another column sorts by it, descending for numbers. */
export function toggleSort<K extends string>(state: SortState<K>, key: K): SortState<K> {
  if (state.key === key) return { key, direction: state.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}
