import type { BackendName, RunStatus } from '../../../shared/run-types';
import { messageOf, stderrLogger, type Logger } from '../logger';
import type { DatasetRegistry } from '../datasets/registry';
import { RunStateError, type RunStore } from '../store';
import { defaultWorkerUrl, startTrainingWorker } from '../training/thread/start-training';
import { createWorkerPool } from '../training/thread/worker-pool';
import type { TrainingOutcome } from '../run-lifecycle';
import type { TrainingHandle } from '../training/types';
import { conflict, notFound } from './errors';
import { watchForeignRuns } from './foreign-runs';
import type { LabEvents } from './lab-events';
import type { LaunchCallbacks, RunLauncher } from '../training/run-launcher';

export interface RunScheduler {
  /** Starts queued runs while fewer than `workers` run. The database is the queue, so it survives restarts. */
  kick(): void;
  /** Makes runs created in this session startable (all queued runs are, unless resumeQueued is false), then kicks. */
  enqueue(runIds: number[]): void;
  stop(runId: number): void;
  isRunning(runId: number): boolean;
  /** Ends running workers; their runs become `interrupted` (re-queueable). */
  close(): Promise<void>;
}

/**
 * Where a run launched now trains, read at each launch: a launcher (a queue of workers on other machines),
 * `local` (this process's worker threads), or `waiting` (the chosen queue is not connected: runs stay queued).
 */
export type Placement = RunLauncher | 'local' | 'waiting';

/** Runs handed to a launcher at once: all of a study, so idle workers never wait for the owner. */
export const DISPATCH_LIMIT = 500;

export interface SchedulerDeps {
  store: RunStore;
  datasets: DatasetRegistry;
  events: LabEvents;
  /** Runs trained at once in this process's worker threads. */
  workers: number;
  workerUrl?: URL;
  preferredBackend?: BackendName;
  /** The data dir's backend-choices.json, where each worker remembers the backend chosen per model shape. */
  backendChoicesPath?: string;
  /** Whether runs queued by an earlier session start too (the app: yes; a one-shot CLI command: no). */
  resumeQueued: boolean;
  /** Called after each status change of a study's run (study progress, completion). */
  onRunChanged?: (runId: number) => void;
  /** Where the next run trains (default: here); runs already training stay where they were launched. */
  placement?: () => Placement;
  /** Where failures of the scheduler's own bookkeeping are reported (default: stderr). */
  logger?: Logger;
}

export function createRunScheduler(deps: SchedulerDeps): RunScheduler {
  const logger = deps.logger ?? stderrLogger;
  const { store, events } = deps;
  const running = new Map<number, TrainingHandle>();
  /** The running runs that train in this process's worker threads (the others are on a launcher). */
  const local = new Set<number>();
  const placement = deps.placement ?? ((): Placement => 'local');
  let closing = false;
  /** Runs this session queued; with resumeQueued false, only these start. */
  const enqueued = new Set<number>();
  const startable = (id: number): boolean => deps.resumeQueued || enqueued.has(id);
  const pool = createWorkerPool(deps.workerUrl ?? defaultWorkerUrl());

  /** Emits the run's status; `status` wins over the stored one, which a failed write may have left behind. */
  const announce = (runId: number, status: RunStatus): void => {
    let summary;
    try {
      summary = store.getRunSummary(runId);
    } catch (error) {
      logger.warn(`could not read run ${runId}: ${messageOf(error)}`);
    }
    if (summary) events.emit('runs:status', { runId, status, summary: { ...summary, status } });
    try {
      deps.onRunChanged?.(runId);
    } catch (error) {
      logger.warn(`could not report the progress of run ${runId}'s study: ${messageOf(error)}`);
    }
  };

  /** Runs this session queued, until this process claims them: another process may train them instead. */
  const foreign = watchForeignRuns(store, (runId, status) => announce(runId, status));

  /** Why recording a running run failed (an epoch, its start): the run is stopped and ends `failed` with this. */
  const recordFailures = new Map<number, string>();

  /**
   * Records how the run ended. If that fails (a full disk refuses the model's blob, say), records `failed`
   * with the reason in the smallest write there is; if even that fails, says so on stderr and still announces
   * `failed`, so no caller mistakes the run for one that went well (the CLI exits non-zero).
   */
  const settle = (runId: number, outcome: TrainingOutcome): void => {
    running.delete(runId);
    local.delete(runId);
    // A result is recorded once: a run already ended (a duplicate delivery from a queue) is left as it is.
    const stored = store.getRunStatus(runId);
    if (stored === 'completed' || stored === 'stopped' || stored === 'diverged' || stored === 'failed') {
      if (!closing) kick();
      return;
    }
    const recordFailure = recordFailures.get(runId);
    recordFailures.delete(runId);
    let status: RunStatus = closing && outcome.status === 'stopped' ? 'interrupted' : outcome.status;
    let error = status === 'interrupted' ? 'the lab closed while this run trained; re-queue it to run again' : outcome.error;
    if (recordFailure !== undefined) {
      status = 'failed';
      error = `training stopped: ${recordFailure}`;
    }
    try {
      store.finishRun(runId, {
        status,
        evaluation: recordFailure === undefined ? outcome.evaluation : null,
        model: recordFailure === undefined ? outcome.model : null,
        error,
      });
      announce(runId, status);
    } catch (failure) {
      logger.warn(`could not record the end of run ${runId} (${status}): ${messageOf(failure)}`);
      try {
        store.failRun(runId, `could not record the end of this run (${status}): ${messageOf(failure)}`);
      } catch (again) {
        logger.warn(`could not record that run ${runId} failed either: ${messageOf(again)}`);
      }
      announce(runId, 'failed');
    }
    if (!closing) kick();
  };

  const launch = (runId: number, place: RunLauncher | 'local'): void => {
    const run = store.getRun(runId);
    if (!run) return;
    let datasetCachePath: string;
    try {
      datasetCachePath = deps.datasets.cachePath(run.datasetId);
    } catch (error) {
      store.finishRun(runId, { status: 'failed', error: messageOf(error) });
      announce(runId, 'failed');
      return;
    }
    // Claimed in the database from now on, so nothing else (a study's cancel, another process's scheduler)
    // treats it as queued. Another process may have claimed it first: then it is that process's to train.
    try {
      store.markRunning(runId, null);
    } catch (error) {
      if (!(error instanceof RunStateError)) logger.warn(`could not start run ${runId}: ${messageOf(error)}`);
      return;
    }
    foreign.forget(runId);
    announce(runId, 'running');
    /** Stops the run because its progress cannot be recorded; it will end `failed` with `reason`. */
    const failRecording = (reason: string): void => {
      if (!recordFailures.has(runId)) recordFailures.set(runId, reason);
      handle.stop();
    };
    const callbacks: LaunchCallbacks = {
      onStarted: (backend, backendReason) => {
        try {
          store.markRunning(runId, backend, backendReason ?? null);
        } catch (error) {
          return failRecording(`could not record the start of the run: ${messageOf(error)}`);
        }
        announce(runId, 'running');
      },
      onBatch: (progress) => events.emit('runs:batch', progress),
      onEpoch: (metrics) => {
        if (recordFailures.has(runId)) return;
        try {
          store.appendEpoch(runId, metrics);
        } catch (error) {
          return failRecording(`could not record epoch ${metrics.epoch}: ${messageOf(error)}`);
        }
        events.emit('runs:epoch', { runId, metrics });
      },
      onRestart: () => {
        try {
          store.restartRun(runId);
        } catch (error) {
          failRecording(`could not clear the epochs of an earlier attempt: ${messageOf(error)}`);
        }
      },
      onWorker: (worker) => {
        try {
          store.recordWorker(runId, worker);
        } catch (error) {
          logger.warn(`could not record run ${runId}'s worker ${worker.host}: ${messageOf(error)}`);
        }
      },
    };
    const handle =
      place === 'local'
        ? startTrainingWorker(
            { runId, config: run.config, datasetCachePath, preferredBackend: deps.preferredBackend, backendChoicesPath: deps.backendChoicesPath },
            callbacks,
            { pool, logger },
          )
        : place.start({ runId, config: run.config, datasetId: run.datasetId, datasetCachePath }, callbacks);
    running.set(runId, handle);
    if (place === 'local') local.add(runId);
    handle.done.then(
      (outcome) => settle(runId, outcome),
      (error: unknown) =>
        settle(runId, {
          status: 'failed',
          backend: null,
          evaluation: null,
          model: null,
          error: messageOf(error),
        }),
    );
  };

  const kick = (): void => {
    // With the queue unreachable the runs stay queued; the host kicks again once it is back.
    const place = placement();
    if (closing || place === 'waiting' || (place !== 'local' && !place.ready)) return;
    const full = (): boolean => (place === 'local' ? local.size >= deps.workers : running.size - local.size >= DISPATCH_LIMIT);
    for (const id of store.listQueuedRunIds()) {
      if (full()) break;
      if (!running.has(id) && startable(id)) launch(id, place);
    }
  };

  return {
    kick,
    enqueue(runIds) {
      for (const id of runIds) enqueued.add(id);
      kick();
      for (const id of runIds) if (!running.has(id)) foreign.follow(id);
    },
    isRunning: (runId) => running.has(runId),
    stop(runId) {
      const handle = running.get(runId);
      if (handle) return handle.stop();
      const status = store.getRunStatus(runId);
      if (!status) throw notFound(`run ${runId}`);
      if (status === 'running') throw conflict(`run ${runId} is training in another Loss Lab process: stop it there`);
      if (status !== 'queued') throw conflict(`run ${runId} is ${status}, not running or queued: nothing to stop`);
      store.finishRun(runId, { status: 'stopped', error: null });
      announce(runId, 'stopped');
    },
    async close() {
      closing = true;
      foreign.stop();
      const handles = [...running.values()];
      for (const handle of handles) handle.stop();
      await Promise.allSettled(handles.map((h) => h.done));
      await pool.close();
      // settle() runs in a then() after done; let those callbacks record their status first.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
