/** Write-side operations of the run store: a run's life from queued to a final status and back. */
import type BetterSqlite3 from 'better-sqlite3';
import { FINAL_STATUSES, REQUEUEABLE_STATUSES, type BackendName, type EpochMetrics, type RunStatus, type RunSummary } from '../../../shared/run-types';
import { RunStateError, runNotFound } from './errors';
import { encodeJson } from './json-codec';
import type { RunReads } from './run-reads';
import { describeOwner, type OwnerRow, type RunOwner } from './run-owner';
import type { NewRun, RunOutcome } from './store-types';

export interface RunWrites {
  create(run: NewRun): RunSummary;
  /** `backendReason`: why that backend (kept when null, like the backend). */
  markRunning(id: number, backend: BackendName | null, backendReason?: string | null): RunSummary;
  appendEpoch(id: number, metrics: EpochMetrics): void;
  restart(id: number): void;
  recordWorker(id: number, worker: { host: string; version: string }): void;
  finish(id: number, outcome: RunOutcome): RunSummary;
  fail(id: number, message: string): RunSummary;
  requeue(id: number): RunSummary;
  heartbeat(): void;
}

/** ISO-8601 UTC timestamp of now, millisecond precision. */
export const nowIso = (): string => new Date().toISOString();

/** NaN cannot be stored as a number (SQLite turns it into NULL); say so explicitly. */
const finiteOrNull = (value: number | null | undefined): number | null => (value === null || value === undefined || Number.isNaN(value) ? null : value);

export function runWrites(db: BetterSqlite3.Database, reads: RunReads, owner: RunOwner): RunWrites {
  /**
   * A transaction that takes the write lock at BEGIN: it reads a run's status, then writes, and two processes
   * doing so at once must queue (busy_timeout) rather than fail on a stale snapshot.
   */
  const immediate = <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => {
    const transaction = db.transaction(fn);
    return (...args: A): R => transaction.immediate(...args);
  };
  const statusOf = db.prepare<[number], { status: RunStatus } & OwnerRow>(
    'SELECT status, owner_host, owner_pid, owner_start, owner_token, owner_heartbeat FROM runs WHERE id = ?',
  );
  const insertRun = db.prepare(`
    INSERT INTO runs (name, preset_id, study_id, dataset_id, config, status, created_at)
    VALUES (@name, @presetId, @studyId, @datasetId, @config, 'queued', @createdAt)`);
  const insertEpoch = db.prepare(`
    INSERT INTO epochs (run_id, epoch, train_loss, train_accuracy, val_loss, val_accuracy, test_loss, test_accuracy, seconds, samples_per_second, layers)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const hasEpoch = db.prepare<[number, number], { epoch: number }>('SELECT epoch FROM epochs WHERE run_id = ? AND epoch = ?');
  const afterEpoch = db.prepare<[number, number | null, number]>(
    'UPDATE runs SET epochs_done = (SELECT COUNT(*) FROM epochs WHERE run_id = ?), last_val_accuracy = ? WHERE id = ?',
  );
  const startRun = db.prepare(`
    UPDATE runs SET status = 'running', backend = COALESCE(@backend, backend), backend_reason = COALESCE(@backendReason, backend_reason), started_at = COALESCE(started_at, @now), error = NULL,
      owner_host = @host, owner_pid = @pid, owner_start = @start, owner_token = @token, owner_heartbeat = @heartbeat
    WHERE id = @id`);
  const beat = db.prepare<[number, string]>("UPDATE runs SET owner_heartbeat = ? WHERE owner_token = ? AND status = 'running'");
  const endRun = db.prepare<[RunStatus, string, string | null, number | null, number]>(
    'UPDATE runs SET status = ?, finished_at = ?, error = ?, final_test_accuracy = ? WHERE id = ?',
  );
  const saveEvaluation = db.prepare<[number, string]>('INSERT OR REPLACE INTO evaluations (run_id, evaluation) VALUES (?, ?)');
  const saveModel = db.prepare<[number, string, string, Buffer]>(
    'INSERT OR REPLACE INTO models (run_id, topology, weight_specs, weight_data) VALUES (?, ?, ?, ?)',
  );
  const clearRun = ['epochs', 'evaluations', 'models'].map((table) => db.prepare<[number]>(`DELETE FROM ${table} WHERE run_id = ?`));
  const restartCounts = db.prepare<[number]>('UPDATE runs SET epochs_done = 0, last_val_accuracy = NULL, backend = NULL, backend_reason = NULL WHERE id = ?');
  const setWorker = db.prepare<[string, string, number]>('UPDATE runs SET worker_host = ?, worker_version = ? WHERE id = ?');
  const resetRun = db.prepare<[number]>(`
    UPDATE runs SET status = 'queued', backend = NULL, backend_reason = NULL, error = NULL, started_at = NULL, finished_at = NULL,
      final_test_accuracy = NULL, last_val_accuracy = NULL, epochs_done = 0,
      owner_host = NULL, owner_pid = NULL, owner_start = NULL, owner_token = NULL, owner_heartbeat = NULL,
      worker_host = NULL, worker_version = NULL
    WHERE id = ?`);

  /**
   * NotFoundError, or RunStateError unless the run is one of `allowed`, or running (or interrupted by another
   * process while still ours) and owned by this store. A running run owned by another process is refused.
   */
  const requireStatus = (id: number, allowed: readonly RunStatus[], action: string): void => {
    const row = statusOf.get(id);
    if (!row) throw runNotFound(id);
    const mine = row.owner_token === owner.token;
    if (row.status === 'running' && allowed.includes('running') && row.owner_token !== null && !mine) {
      throw new RunStateError(`run ${id} is being trained by another Loss Lab process (${describeOwner(row)}); it cannot ${action} here`);
    }
    if (row.status === 'interrupted' && mine && allowed.includes('running')) return;
    if (!allowed.includes(row.status)) {
      throw new RunStateError(`run ${id} is ${row.status}; only a run that is ${allowed.join(' or ')} can ${action}`);
    }
  };
  const summaryOf = (id: number): RunSummary => {
    const summary = reads.summary(id);
    if (!summary) throw runNotFound(id);
    return summary;
  };

  return {
    create(run) {
      const info = insertRun.run({ ...run, config: encodeJson(run.config), createdAt: nowIso() });
      return summaryOf(Number(info.lastInsertRowid));
    },
    markRunning: immediate((id: number, backend: BackendName | null, backendReason: string | null = null) => {
      requireStatus(id, ['queued', 'running'], 'start');
      const { host, pid, start, token } = owner;
      startRun.run({ backend, backendReason, now: nowIso(), host, pid, start, token, heartbeat: Date.now(), id });
      return summaryOf(id);
    }),
    appendEpoch: immediate((id: number, m: EpochMetrics) => {
      if (!statusOf.get(id)) throw runNotFound(id);
      if (hasEpoch.get(id, m.epoch)) throw new RunStateError(`run ${id} already has epoch ${m.epoch}`);
      insertEpoch.run(
        id,
        m.epoch,
        m.trainLoss,
        m.trainAccuracy,
        m.valLoss,
        m.valAccuracy,
        m.testLoss,
        m.testAccuracy,
        m.seconds,
        m.samplesPerSecond,
        encodeJson(m.layers),
      );
      afterEpoch.run(id, finiteOrNull(m.valAccuracy), id);
    }),
    restart: immediate((id: number) => {
      requireStatus(id, ['running'], 'start over');
      for (const clear of clearRun) clear.run(id);
      restartCounts.run(id);
    }),
    recordWorker: immediate((id: number, worker: { host: string; version: string }) => {
      requireStatus(id, ['running'], 'record its worker');
      setWorker.run(worker.host, worker.version, id);
    }),
    finish: immediate((id: number, outcome: RunOutcome) => {
      if (!FINAL_STATUSES.includes(outcome.status)) throw new RunStateError(`a run cannot finish as ${outcome.status}`);
      requireStatus(id, ['queued', 'running'], `become ${outcome.status}`);
      const evaluation = outcome.evaluation ?? null;
      endRun.run(outcome.status, nowIso(), outcome.error ?? null, finiteOrNull(evaluation?.testAccuracy), id);
      if (evaluation) saveEvaluation.run(id, encodeJson(evaluation));
      const model = outcome.model;
      if (model) {
        saveModel.run(
          id,
          encodeJson(model.modelTopology),
          encodeJson(model.weightSpecs),
          Buffer.from(model.weightData.buffer, model.weightData.byteOffset, model.weightData.byteLength),
        );
      }
      return summaryOf(id);
    }),
    fail: immediate((id: number, message: string) => {
      requireStatus(id, ['queued', 'running'], 'become failed');
      endRun.run('failed', nowIso(), message, null, id);
      return summaryOf(id);
    }),
    heartbeat() {
      beat.run(Date.now(), owner.token);
    },
    requeue: immediate((id: number) => {
      requireStatus(id, REQUEUEABLE_STATUSES, 'be re-queued');
      for (const clear of clearRun) clear.run(id);
      resetRun.run(id);
      return summaryOf(id);
    }),
  };
}
