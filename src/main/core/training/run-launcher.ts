/** Where the run scheduler's runs train when not in this process's worker threads: a queue (core/queue) implements it. */
import type { ModelConfig } from '../../../shared/model-config';
import type { BackendName } from '../../../shared/run-types';
import type { TrainingCallbacks, TrainingHandle } from './types';

/** Who trained a run: recorded on it so results from different workers stay comparable. */
export interface WorkerInfo {
  host: string;
  version: string;
  backend: BackendName;
}

export interface LaunchCallbacks extends TrainingCallbacks {
  /** A new attempt starts over (its worker died and another took the job): forget the epochs recorded so far. */
  onRestart(): void;
  onWorker(info: WorkerInfo): void;
}

export interface LaunchedRun {
  runId: number;
  config: ModelConfig;
  datasetId: string;
  /** The dataset's cache file here, for uploading an imported set to workers that lack it. */
  datasetCachePath: string;
}

export interface RunLauncher {
  /** Whether runs can be handed over now; while false the scheduler leaves them queued. */
  readonly ready: boolean;
  /** Called whenever the launcher becomes ready again (the queue is back): the scheduler dispatches then. */
  onReady(listener: () => void): void;
  /** Trains `run` elsewhere; `done` never rejects and settles once. */
  start(run: LaunchedRun, callbacks: LaunchCallbacks): TrainingHandle;
  close(): Promise<void>;
}
