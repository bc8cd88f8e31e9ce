/** The run store's public types: what callers hand in and get back. */
import type BetterSqlite3 from 'better-sqlite3';
import type { DatasetInfo } from '../../../shared/dataset-types';
import type { ModelConfig } from '../../../shared/model-config';
import type { BackendName, EpochMetrics, Evaluation, RunDetail, RunStatus, RunSummary } from '../../../shared/run-types';

/** A trained model as tfjs `ModelArtifacts` pieces; `modelTopology` and `weightSpecs` are JSON-able. */
export interface SavedModel {
  modelTopology: unknown;
  weightSpecs: unknown[];
  /** All weights concatenated, as tfjs `weightData`. */
  weightData: Uint8Array;
}

export interface NewRun {
  name: string;
  presetId: string | null;
  studyId: number | null;
  datasetId: string;
  config: ModelConfig;
}

/** How a run ended. `status` must be a final status (not `queued` or `running`). */
export interface RunOutcome {
  status: RunStatus;
  evaluation?: Evaluation | null;
  error?: string | null;
  model?: SavedModel | null;
}

export interface RunFilter {
  studyId?: number;
  statuses?: RunStatus[];
  /** A page of the newest-first list: at most `limit` runs after skipping `offset` (integers). */
  limit?: number;
  offset?: number;
}

export interface RunStore {
  /** The open database; the studies code adds its own queries on it. */
  readonly db: BetterSqlite3.Database;
  /** Ids of runs found `running` at open (left by a crash) and marked `interrupted`. */
  readonly recovered: number[];
  /** Adds a run with status `queued`. */
  createRun(run: NewRun): RunSummary;
  /**
   * queued → running, recording `startedAt` (the first time only). Called again while running, it records the
   * backend once the worker knows it (`null` leaves the backend as it is). Throws RunStateError otherwise.
   */
  markRunning(id: number, backend: BackendName | null): RunSummary;
  /** Stores one epoch's metrics in its own transaction, committed before returning. Throws NotFoundError. */
  appendEpoch(id: number, metrics: EpochMetrics): void;
  /** queued/running → a final status, in one transaction with `finishedAt`, evaluation, model and error. */
  finishRun(id: number, outcome: RunOutcome): RunSummary;
  /** interrupted/stopped/failed/diverged → queued; clears its epochs, evaluation, model, error and times. */
  requeueRun(id: number): RunSummary;
  /** Newest first. Never reads evaluations or weights. */
  listRuns(filter?: RunFilter): RunSummary[];
  getRun(id: number): RunDetail | undefined;
  updateRun(id: number, patch: { name?: string; notes?: string }): RunSummary | undefined;
  /** Deletes the run with its epochs, evaluation and model; false when it did not exist. */
  deleteRun(id: number): boolean;
  getModel(id: number): SavedModel | undefined;
  /** Inserts or replaces a dataset's registration. */
  saveDataset(info: DatasetInfo, cachePath: string): void;
  /**
   * Removes a dataset's registration with every study and run on it (their epochs, evaluations and models),
   * in one transaction. Returns how many runs and studies went; the caller checks first that none is active.
   */
  deleteDataset(id: string): { runs: number; studies: number };
  /** Oldest first. */
  listDatasets(): { info: DatasetInfo; cachePath: string }[];
  close(): void;
}
