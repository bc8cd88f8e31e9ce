/** Plain-text tables and numbers for the terminal. */

export const pct = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(digits)}%`;

export const num = (x: number | null | undefined, digits = 4): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));

/** Left-aligned columns separated by two spaces; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, col) => cell.padEnd(widths[col]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `text` cut to `width` columns, an ellipsis marking the cut. */
export const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
