/** The run store's public types: what callers hand in and get back. */
import type { SavedModel } from '../../../shared/saved-model';
import type { TrainingOutcome } from '../run-lifecycle';
import type { DatasetInfo } from '../../../shared/dataset-types';
import type { ModelConfig } from '../../../shared/model-config';
import type { BackendName, EpochMetrics, RunDetail, RunStatus, RunSummary } from '../../../shared/run-types';
import type { ChosenStudyStatus, DatasetDeletion, DatasetRecordCounts, NewStudy } from './record-types';
import type { StudyRow } from './study-rows';

export type { SavedModel, StudyRow };

export interface NewRun {
  name: string;
  presetId: string | null;
  studyId: number | null;
  datasetId: string;
  config: ModelConfig;
}

/** A run of a study being created: its study id is the new study's. */
export type NewStudyRun = Omit<NewRun, 'studyId'>;

/** How a run ended. `status` must be a final status (not `queued` or `running`). */
/** What `finishRun` records: a run's status with the parts of its training outcome that exist (see run-lifecycle). */
export type RunOutcome = { status: RunStatus } & Partial<Pick<TrainingOutcome, 'evaluation' | 'error' | 'model'>>;

export interface RunFilter {
  studyId?: number;
  statuses?: RunStatus[];
  /** A page of the newest-first list: at most `limit` runs after skipping `offset` (integers). */
  limit?: number;
  offset?: number;
}

/**
 * The one way into the database: every query of runs, epochs, evaluations, models, studies and datasets is a
 * method here (the SQL stays in store/). Storage failures throw StorageError naming the file.
 */
export interface RunStore {
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
  /** The run's summary as `listRuns` gives it, from the runs row alone: no epochs, evaluation or model is read. */
  getRunSummary(id: number): RunSummary | undefined;
  /** The run's stored status; undefined when it does not exist. */
  getRunStatus(id: number): RunStatus | undefined;
  /** Ids of the queued runs in creation order (the order they start in), skipping those of paused or cancelled studies. */
  listQueuedRunIds(): number[];
  updateRun(id: number, patch: { name?: string; notes?: string }): RunSummary | undefined;
  /** Deletes the run with its epochs, evaluation and model; false when it did not exist. */
  deleteRun(id: number): boolean;
  getModel(id: number): SavedModel | undefined;
  /** Inserts the study (status `running`) and its runs (queued, in the order given), all or nothing. Returns its id. */
  insertStudy(study: NewStudy, runs: readonly NewStudyRun[]): number;
  findStudy(id: number): StudyRow | undefined;
  /** Newest first. */
  listStudyRows(): StudyRow[];
  /**
   * In one transaction: stores `status`; `running` also re-queues the study's runs whose status is in
   * `requeue`, `cancelled` marks its queued runs stopped. The caller checks that the change is allowed.
   */
  writeStudyStatus(id: number, status: ChosenStudyStatus, requeue: readonly RunStatus[]): void;
  /** In one transaction, re-queues the runs in `statuses` of every study stored as running; their ids, ascending. */
  requeueRunsOfRunningStudies(statuses: readonly RunStatus[]): number[];
  /** Deletes the study with its runs (their epochs, evaluations, models) in one transaction; studies deleted (0 or 1). */
  deleteStudy(id: number): number;
  /** Inserts or replaces a dataset's registration. */
  saveDataset(info: DatasetInfo, cachePath: string): void;
  /** Oldest first. */
  listDatasets(): { info: DatasetInfo; cachePath: string }[];
  /** Runs, studies and active runs on the dataset; zeros for an unknown id. */
  countDatasetRecords(id: string): DatasetRecordCounts;
  /**
   * Removes a dataset's registration with every study and run on it (their epochs, evaluations and models), in
   * one transaction that takes the write lock first: `check`, given what is stored on it, may refuse by
   * throwing, and no other process can add a run between the check and the delete.
   */
  deleteDataset(id: string, check?: (counts: DatasetRecordCounts) => void): DatasetDeletion;
  close(): void;
}
