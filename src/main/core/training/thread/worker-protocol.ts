/** What the training worker and the main thread exchange. Plain data only (structured clone). */
import type { BackendName, BatchProgress, EpochMetrics } from '../../../../shared/run-types';
import type { TrainingJob, TrainingOutcome } from '../types';

/** `workerData` of a training worker. */
export interface WorkerInput {
  job: TrainingJob;
  /** Int32Array(1) over a SharedArrayBuffer: 0 = run, 1 = stop. Read with Atomics, even mid-epoch. */
  stopFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'started'; backend: BackendName; backendReason?: string }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; metrics: EpochMetrics }
  | { type: 'done'; outcome: TrainingOutcome };

/** Index of the stop flag in its Int32Array. */
export const STOP_INDEX = 0;
