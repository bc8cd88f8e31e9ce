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
  /** The data dir's backend-choices.json, where the backend chosen for this model shape is remembered; absent: not remembered. */
  backendChoicesPath?: string;
}

export interface TrainingCallbacks {
  /** `backendReason`: why that backend (see backend/select-backend.ts); absent where it is not known. */
  onStarted(backend: BackendName, backendReason?: string): void;
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
