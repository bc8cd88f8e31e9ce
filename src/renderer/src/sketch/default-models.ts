/** Which runs the Sketchpad starts with. Pure. */
import type { RunSummary } from '@shared/run-types';

/** Losses grouped by what they do to the outputs: MSE-like regression onto targets, cross-entropy, hinge. */
export function lossFamily(loss: RunSummary['loss']): 'squared-error' | 'cross-entropy' | 'hinge' | 'absolute-error' {
  switch (loss) {
    case 'mse':
      return 'squared-error';
    case 'meanAbsoluteError':
      return 'absolute-error';
    case 'hinge':
      return 'hinge';
    default:
      return 'cross-entropy';
  }
}

/**
 * Models A and B: the latest completed run of each loss family, not a study run (so MSE and cross-entropy
 * sit side by side), newest family first. With no run outside studies, the latest candidate of any kind is A.
 */
export function defaultModels(candidates: readonly RunSummary[]): { a: number | null; b: number | null } {
  const newestFirst = [...candidates].sort((x, y) => y.createdAt.localeCompare(x.createdAt) || y.id - x.id);
  const own = newestFirst.filter((r) => r.status === 'completed' && r.studyId === null);
  const picked: RunSummary[] = [];
  for (const run of own) {
    if (picked.length === 2) break;
    if (!picked.some((p) => lossFamily(p.loss) === lossFamily(run.loss))) picked.push(run);
  }
  const a = picked[0]?.id ?? newestFirst[0]?.id ?? null;
  return { a, b: picked[1]?.id ?? null };
}
