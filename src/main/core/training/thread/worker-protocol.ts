/** What the training worker and the main thread exchange. Plain data only (structured clone). */
import type { LifecycleEvent } from '../../run-lifecycle';
import type { TrainingJob } from '../types';

/** `workerData` of a training worker. */
export interface WorkerInput {
  job: TrainingJob;
  /** Int32Array(1) over a SharedArrayBuffer: 0 = run, 1 = stop. Read with Atomics, even mid-epoch. */
  stopFlag: SharedArrayBuffer;
}

/** The worker posts its run's lifecycle events as they happen (run-lifecycle.ts), `done` last. */
export type WorkerMessage = LifecycleEvent;

/** Index of the stop flag in its Int32Array. */
export const STOP_INDEX = 0;
