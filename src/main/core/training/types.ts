/** The training module's public types. Everything here is plain data or plain functions. */
import type { ModelConfig } from '../../../shared/model-config';
import type { BackendName, BatchProgress, EpochMetrics } from '../../../shared/run-types';
import type { TrainingOutcome } from '../run-lifecycle';

export interface TrainingJob {
  runId: number;
  config: ModelConfig;
  /** Absolute path of a dataset cache file written by `writeDatasetCache`. */
  datasetCachePath: string;
  preferredBackend?: BackendName;
}

export interface TrainingCallbacks {
  onStarted(backend: BackendName): void;
  /** Throttled: each epoch's first and last batch, and at most ~4 a second between. */
  onBatch(p: BatchProgress): void;
  /** After each finished epoch (a stopped partial epoch is never reported). */
  onEpoch(m: EpochMetrics): void;
}

export interface TrainingHandle {
  /** Asks the run to stop; it ends after the current batch with status 'stopped'. */
  stop(): void;
  readonly done: Promise<TrainingOutcome>;
}
