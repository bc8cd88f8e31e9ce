/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `input` (case-insensitive), or null when even the closest differs in more than
 * about a third of its letters (or 3 edits), so a wild guess gets no misleading suggestion.
 */
export function closest(input: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.min(3, Math.max(1, Math.ceil((best?.length ?? 0) / 3)));
  return best !== null && bestDistance <= limit ? best : null;
}

/** ` (did you mean X?)` or nothing. */
export function didYouMean(input: string, candidates: readonly string[], format = (s: string): string => s): string {
  const match = closest(input, candidates);
  return match === null ? '' : ` (did you mean ${format(match)}?)`;
}
