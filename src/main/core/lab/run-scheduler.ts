import type { BackendName, RunStatus } from '../../../shared/run-types';
import type { DatasetRegistry } from '../datasets/registry';
import type { RunStore } from '../store';
import { defaultWorkerUrl, startTrainingWorker } from '../training/start-training';
import { createWorkerPool } from '../training/worker-pool';
import type { TrainingHandle, TrainingOutcome } from '../training/types';
import { conflict, notFound } from './errors';
import { summarize } from './summarize';
import type { LabEvents } from './lab-events';

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

export interface SchedulerDeps {
  store: RunStore;
  datasets: DatasetRegistry;
  events: LabEvents;
  workers: number;
  workerUrl?: URL;
  preferredBackend?: BackendName;
  /** Whether runs queued by an earlier session start too (the app: yes; a one-shot CLI command: no). */
  resumeQueued: boolean;
  /** Called after each status change of a study's run (study progress, completion). */
  onRunChanged?: (runId: number) => void;
}

/** Queued runs in creation order, skipping those of paused or cancelled studies. */
const NEXT_QUEUED = `
  SELECT r.id FROM runs r LEFT JOIN studies s ON s.id = r.study_id
  WHERE r.status = 'queued' AND (s.id IS NULL OR s.status NOT IN ('paused', 'cancelled'))
  ORDER BY r.id`;

export function createRunScheduler(deps: SchedulerDeps): RunScheduler {
  const { store, events } = deps;
  const running = new Map<number, TrainingHandle>();
  let closing = false;
  /** Runs this session queued; with resumeQueued false, only these start. */
  const enqueued = new Set<number>();
  const startable = (id: number): boolean => deps.resumeQueued || enqueued.has(id);
  const nextQueued = store.db.prepare<[], { id: number }>(NEXT_QUEUED);
  const pool = createWorkerPool(deps.workerUrl ?? defaultWorkerUrl());

  const announce = (runId: number, status: RunStatus): void => {
    const summary = summarize(store, runId);
    if (summary) events.emit('runs:status', { runId, status, summary });
    deps.onRunChanged?.(runId);
  };

  const settle = (runId: number, outcome: TrainingOutcome): void => {
    running.delete(runId);
    const status: RunStatus = closing && outcome.status === 'stopped' ? 'interrupted' : outcome.status;
    const error = status === 'interrupted' ? 'the lab closed while this run trained; re-queue it to run again' : outcome.error;
    try {
      store.finishRun(runId, { status, evaluation: outcome.evaluation, model: outcome.model, error });
      announce(runId, status);
    } catch (failure) {
      // A run never outlives its worker silently: if recording fails (the disk is full, say), say so.
      console.error(`[loss-lab] could not record the end of run ${runId}:`, failure);
    }
    if (!closing) kick();
  };

  const launch = (runId: number): void => {
    const run = store.getRun(runId);
    if (!run) return;
    let datasetCachePath: string;
    try {
      datasetCachePath = deps.datasets.cachePath(run.datasetId);
    } catch (error) {
      store.finishRun(runId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      announce(runId, 'failed');
      return;
    }
    // Running from now on in the database too, so nothing else (a study's cancel, say) treats it as queued.
    store.markRunning(runId, null);
    announce(runId, 'running');
    const handle = startTrainingWorker(
      { runId, config: run.config, datasetCachePath, preferredBackend: deps.preferredBackend },
      {
        onStarted: (backend) => {
          store.markRunning(runId, backend);
          announce(runId, 'running');
        },
        onBatch: (progress) => events.emit('runs:batch', progress),
        onEpoch: (metrics) => {
          store.appendEpoch(runId, metrics);
          events.emit('runs:epoch', { runId, metrics });
        },
      },
      { pool },
    );
    running.set(runId, handle);
    handle.done.then(
      (outcome) => settle(runId, outcome),
      (error: unknown) =>
        settle(runId, {
          status: 'failed',
          backend: null,
          evaluation: null,
          model: null,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  };

  const kick = (): void => {
    if (closing) return;
    for (const { id } of nextQueued.all()) {
      if (running.size >= deps.workers) break;
      if (!running.has(id) && startable(id)) launch(id);
    }
  };

  return {
    kick,
    enqueue(runIds) {
      for (const id of runIds) enqueued.add(id);
      kick();
    },
    isRunning: (runId) => running.has(runId),
    stop(runId) {
      const handle = running.get(runId);
      if (handle) return handle.stop();
      const run = store.getRun(runId);
      if (!run) throw notFound(`run ${runId}`);
      if (run.status !== 'queued') throw conflict(`run ${runId} is ${run.status}, not running or queued: nothing to stop`);
      store.finishRun(runId, { status: 'stopped', error: null });
      announce(runId, 'stopped');
    },
    async close() {
      closing = true;
      const handles = [...running.values()];
      for (const handle of handles) handle.stop();
      await Promise.allSettled(handles.map((h) => h.done));
      await pool.close();
      // settle() runs in a then() after done; let those callbacks record their status first.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
