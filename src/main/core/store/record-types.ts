/** The store's study and dataset records: what callers hand in and get back (the runs' are in store-types). */
import type { StudyConfiguration } from '../../../shared/study-types';

export interface NewStudy {
  name: string;
  /** `seed-article` for the built-in study, else null. */
  builtinId: string | null;
  datasetId: string;
  configurations: StudyConfiguration[];
  /** Runs per configuration, seeds 1..seeds. */
  seeds: number;
}

/** The statuses a person sets on a study (`completed` and `incomplete` are derived on read). */
export type ChosenStudyStatus = 'running' | 'paused' | 'cancelled';

/** What the run and study tables hold on one dataset. */
export interface DatasetRecordCounts {
  runs: number;
  studies: number;
  /** Runs queued or training. */
  active: number;
}

/** What deleting a dataset removed: how many runs and studies, and the ids of those runs (ascending). */
export interface DatasetDeletion {
  runs: number;
  studies: number;
  runIds: number[];
}
