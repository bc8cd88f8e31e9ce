/** What uses a dataset: the store's counts of its runs and studies, and whether Loss Lab ships it. */
import type { DatasetUsage } from '../../../shared/dataset-types';
import { BUILT_IN_DATASET_IDS } from '../datasets/registry';
import type { RunStore } from '../store';

/** Runs, studies and active (queued or training) runs on `datasetId`; zeros for an unknown id. */
export function datasetUsage(store: RunStore, datasetId: string): DatasetUsage {
  return { ...store.countDatasetRecords(datasetId), builtIn: BUILT_IN_DATASET_IDS.includes(datasetId) };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "3 runs and 1 study", "1 run": what the refusal and the dialog name. */
export function describeUsage(usage: Pick<DatasetUsage, 'runs' | 'studies'>): string {
  const parts = [plural(usage.runs, 'run', 'runs')];
  if (usage.studies > 0) parts.push(plural(usage.studies, 'study', 'studies'));
  return parts.join(' and ');
}
