/** The run store's public types: what callers hand in and get back. */
import type BetterSqlite3 from 'better-sqlite3';
import type { SavedModel } from '../../../shared/saved-model';
import type { DatasetInfo } from '../../../shared/dataset-types';
import type { ModelConfig } from '../../../shared/model-config';
import type { BackendName, EpochMetrics, Evaluation, RunDetail, RunStatus, RunSummary } from '../../../shared/run-types';

export type { SavedModel };

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
  /** The database file, for messages. */
  readonly dbPath: string;
  /** Opened read-only (the data directory cannot be written): reads work, every write throws StorageError. */
  readonly readOnly: boolean;
  /** Ids of runs found `running` at open whose owning process was gone (a crash), now `interrupted`. */
  readonly recovered: number[];
  /** Adds a run with status `queued`. */
  createRun(run: NewRun): RunSummary;
  /**
   * Claims the run for this process: queued → running, recording `startedAt` (the first time only) and this
   * store as its owner (see run-owner.ts). Called again by the owner while running, it records the backend once
   * the worker knows it (`null` leaves it as it is). Throws RunStateError otherwise, e.g. when another process
   * owns the run.
   */
  markRunning(id: number, backend: BackendName | null, backendReason?: string | null): RunSummary;
  /**
   * A running run of this store starts over (a queue worker died and another took its job): deletes its epochs,
   * evaluation and model, keeps it running. Throws RunStateError unless it is running here.
   */
  restartRun(id: number): void;
  /** Records which queue worker (host, Loss Lab version) trains the running run. */
  recordWorker(id: number, worker: { host: string; version: string }): void;
  /** Stores one epoch's metrics in its own transaction, committed before returning. Throws NotFoundError. */
  appendEpoch(id: number, metrics: EpochMetrics): void;
  /**
   * queued/running → a final status, in one transaction with `finishedAt`, evaluation, model and error. The
   * owner may also finish a run another process marked interrupted while it was still training it.
   */
  finishRun(id: number, outcome: RunOutcome): RunSummary;
  /**
   * The smallest write that records a run's failure (status `failed`, `message`), for when `finishRun` itself
   * failed (a full disk refuses the model's blob before a one-row update). Throws like finishRun.
   */
  failRun(id: number, message: string): RunSummary;
  /** Refreshes `owner_heartbeat` of the running runs this store owns. */
  heartbeat(): void;
  /**
   * Marks `interrupted` the running runs whose owning process is gone (as opening the store does), for a
   * long-lived process beside one that crashed. Returns their ids. The heartbeat timer calls it.
   */
  recoverGone(): number[];
  /** interrupted/stopped/failed/diverged → queued; clears its epochs, evaluation, model, error, times and owner. */
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
