/** Which of a study's runs trained on which backend, for the reports' warning when they differ (queue workers may). */
import type { RunSummary } from '../../../../shared/run-types';

/** Run ids as ranges: [1,2,3,5] → "1–3, 5". */
function ranges(ids: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    parts.push(i === j ? `${ids[i]}` : `${ids[i]}–${ids[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/** Null when every run that started used one backend; else which runs used which: `wasm: runs 1–3; tensorflow: run 4`. */
export function backendsUsed(runs: readonly RunSummary[]): string | null {
  const byBackend = new Map<string, number[]>();
  for (const run of [...runs].sort((a, b) => a.id - b.id)) {
    if (run.backend !== null) byBackend.set(run.backend, [...(byBackend.get(run.backend) ?? []), run.id]);
  }
  if (byBackend.size < 2) return null;
  return [...byBackend].map(([backend, ids]) => `${backend}: run${ids.length === 1 ? '' : 's'} ${ranges(ids)}`).join('; ');
}
