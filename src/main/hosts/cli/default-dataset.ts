import type { LabApi } from '../../../shared/contract';
import { UsageError } from './usage-error';

/** The full MNIST set, when this build registers it; commands that train default to it. */
export const DEFAULT_DATASET = 'mnist';
/** Always present: the 10,000 digits shipped with the app. */
export const EMBEDDED_DATASET = 'mnist-embedded';

/**
 * The dataset a command trains on: the one asked for (the core refuses an unknown id), else `mnist` when it is
 * registered, else a one-line error naming the dataset that is always there.
 */
export async function resolveDataset(api: LabApi, asked: string | undefined): Promise<string> {
  if (asked !== undefined) return asked;
  const ids = (await api.datasets.list()).map((d) => d.id);
  if (ids.includes(DEFAULT_DATASET)) return DEFAULT_DATASET;
  throw new UsageError(`the default dataset "${DEFAULT_DATASET}" is not available here; pass --dataset ${EMBEDDED_DATASET} (or one of: ${ids.join(', ')})`);
}
