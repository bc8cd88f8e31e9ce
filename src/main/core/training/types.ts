/** The training module's public types. Everything here is plain data or plain functions. */
import type { ModelConfig } from '../../../shared/model-config';
import type { BackendName, BatchProgress, EpochMetrics, Evaluation } from '../../../shared/run-types';
import type { SavedModel } from '../../../shared/saved-model';

export type { SavedModel } from '../../../shared/saved-model';

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

export interface TrainingOutcome {
  status: 'completed' | 'stopped' | 'diverged' | 'failed';
  /** null when the run failed before a backend was ready. */
  backend: BackendName | null;
  /** On the test split; null when diverged or failed. */
  evaluation: Evaluation | null;
  /** Trained weights (also after a stop); null when diverged or failed. */
  model: SavedModel | null;
  /** Why a diverged or failed run ended; null otherwise. */
  error: string | null;
}

export interface TrainingHandle {
  /** Asks the run to stop; it ends after the current batch with status 'stopped'. */
  stop(): void;
  readonly done: Promise<TrainingOutcome>;
}
