/** SQL row shapes of the run tables and their mapping to the shared plain-data types. */
import { HIDDEN_ACTIVATIONS, LOSSES, OUTPUT_ACTIVATIONS } from '../../../shared/model-config';
import { BACKEND_NAMES, RUN_STATUSES, type EpochMetrics, type LayerDiagnostics, type RunSummary } from '../../../shared/run-types';
import { decodeJson } from './json-codec';

/**
 * Columns of a run summary. The few config fields a summary shows are pulled out by SQLite's json_extract,
 * so listing never parses whole configs and never touches evaluations or weights.
 */
export const SUMMARY_SELECT = `
  SELECT id, name, preset_id, study_id, dataset_id, status, backend, backend_reason, notes, created_at, started_at, finished_at,
    final_test_accuracy, last_val_accuracy, epochs_done, worker_host,
    json_extract(config, '$.loss') AS loss,
    json_extract(config, '$.hiddenActivation') AS hidden_activation,
    json_extract(config, '$.outputActivation') AS output_activation,
    json_extract(config, '$.seed') AS seed,
    json_extract(config, '$.epochs') AS epochs_planned
  FROM runs`;

export interface SummaryRow {
  id: number;
  name: string;
  preset_id: string | null;
  study_id: number | null;
  dataset_id: string;
  status: string;
  backend: string | null;
  /** NULL for runs recorded before schema version 5. */
  backend_reason: string | null;
  notes: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  final_test_accuracy: number | null;
  last_val_accuracy: number | null;
  epochs_done: number;
  worker_host: string | null;
  loss: string;
  hidden_activation: string;
  output_activation: string;
  seed: number;
  epochs_planned: number;
}

export interface EpochRow {
  epoch: number;
  /** NULL when the loss was NaN (SQLite stores NaN as NULL). */
  train_loss: number | null;
  train_accuracy: number | null;
  val_loss: number | null;
  val_accuracy: number | null;
  /** NULL for epochs recorded before schema version 2. */
  test_loss: number | null;
  test_accuracy: number | null;
  seconds: number;
  samples_per_second: number;
  layers: string;
}

export function toSummary(row: SummaryRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    presetId: row.preset_id,
    studyId: row.study_id,
    datasetId: row.dataset_id,
    status: oneOf(RUN_STATUSES, row.status, 'status'),
    backend: row.backend === null ? null : oneOf(BACKEND_NAMES, row.backend, 'backend'),
    backendReason: row.backend_reason ?? null,
    loss: oneOf(LOSSES, row.loss, 'loss'),
    hiddenActivation: oneOf(HIDDEN_ACTIVATIONS, row.hidden_activation, 'hidden activation'),
    outputActivation: oneOf(OUTPUT_ACTIVATIONS, row.output_activation, 'output activation'),
    seed: row.seed,
    epochsPlanned: row.epochs_planned,
    epochsDone: row.epochs_done,
    finalTestAccuracy: row.final_test_accuracy,
    lastValAccuracy: row.last_val_accuracy,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationSeconds: durationSeconds(row.started_at, row.finished_at),
    notes: row.notes,
    ...(row.worker_host === null ? {} : { workerHost: row.worker_host }),
  };
}

/**
 * A stored epoch. Train loss and accuracy read back NaN where NaN was stored; a NaN validation loss or accuracy
 * reads back null, since for validation null already means "no number".
 */
export function toEpoch(row: EpochRow): EpochMetrics {
  return {
    epoch: row.epoch,
    trainLoss: row.train_loss ?? Number.NaN,
    trainAccuracy: row.train_accuracy ?? Number.NaN,
    valLoss: row.val_loss,
    valAccuracy: row.val_accuracy,
    testLoss: row.test_loss ?? null,
    testAccuracy: row.test_accuracy ?? null,
    seconds: row.seconds,
    samplesPerSecond: row.samples_per_second,
    layers: decodeJson<LayerDiagnostics[]>(row.layers),
  };
}

/** Seconds from `startedAt` to `finishedAt`, or null unless both are set. */
export function durationSeconds(startedAt: string | null, finishedAt: string | null): number | null {
  if (startedAt === null || finishedAt === null) return null;
  return (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000;
}

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`the database holds an unknown run ${what} "${value}"`);
  return found;
}
