/** What uses a dataset, read straight from the store's tables (as the studies code does). */
import type { DatasetUsage } from '../../../shared/dataset-types';
import { BUILT_IN_DATASET_IDS } from '../datasets/registry';
import type { RunStore } from '../store';

/** Runs, studies and active (queued or training) runs on `datasetId`; zeros for an unknown id. */
export function datasetUsage(store: RunStore, datasetId: string): DatasetUsage {
  const count = (sql: string): number => store.db.prepare<[string], number>(sql).pluck().get(datasetId) ?? 0;
  return {
    runs: count('SELECT COUNT(*) FROM runs WHERE dataset_id = ?'),
    studies: count('SELECT COUNT(*) FROM studies WHERE dataset_id = ?'),
    active: count("SELECT COUNT(*) FROM runs WHERE dataset_id = ? AND status IN ('queued', 'running')"),
    builtIn: BUILT_IN_DATASET_IDS.includes(datasetId),
  };
}

/** Ids of every run on `datasetId`, study runs included. */
export function datasetRunIds(store: RunStore, datasetId: string): number[] {
  return store.db.prepare<[string], number>('SELECT id FROM runs WHERE dataset_id = ? ORDER BY id').pluck().all(datasetId);
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "3 runs and 1 study", "1 run": what the refusal and the dialog name. */
export function describeUsage(usage: Pick<DatasetUsage, 'runs' | 'studies'>): string {
  const parts = [plural(usage.runs, 'run', 'runs')];
  if (usage.studies > 0) parts.push(plural(usage.studies, 'study', 'studies'));
  return parts.join(' and ');
}
