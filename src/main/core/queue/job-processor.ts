/**
 * A worker's processing of one job: the same `startTrainingWorker` and worker pool as a local run, its
 * progress sent back as job progress (each start, throttled batches, each epoch), its result the epochs,
 * evaluation and weights. A run whose training failed throws, so BullMQ retries it (maybe elsewhere); a run
 * handed back (second Ctrl-C) returns to the waiting list without using up an attempt.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import type { BackendName, EpochMetrics } from '../../../shared/run-types';
import { LAB_VERSION } from '../version';
import { startTrainingWorker } from '../training/thread/start-training';
import type { TrainingHandle } from '../training/types';
import type { WorkerPool } from '../training/thread/worker-pool';
import { encodeResult, jobPayloadSchema, type AttemptInfo, type JobProgress, type JobResult } from './job-payload';
import type { DatasetResolver } from './worker-datasets';

/** Milliseconds between two batch progress messages of one job (epochs and starts are always sent). */
const BATCH_PROGRESS_MS = 1000;

/** A job being trained here, for Ctrl-C and stop requests. */
export interface ActiveJob {
  runId: number;
  handle: TrainingHandle;
  /** Set by a second Ctrl-C: the stopped run goes back to the queue instead of finishing. */
  handBack: boolean;
}

export interface ProcessorDeps {
  pool: WorkerPool;
  datasets: DatasetResolver;
  /** Forces a backend on this worker; else the job's preference, else the best that loads. */
  backend?: BackendName;
  active: Map<string, ActiveJob>;
  log: (line: string) => void;
  host?: string;
}

export function createJobProcessor(deps: ProcessorDeps): (job: Job, token?: string) => Promise<JobResult> {
  const host = deps.host ?? hostname();
  return async (job, token) => {
    const parsed = jobPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`the job is not a Loss Lab run: ${parsed.error.issues[0]?.message ?? 'bad payload'}`);
    const payload = parsed.data;
    const jobId = job.id ?? '?';
    const datasetCachePath = await deps.datasets(payload.dataset);
    const attempt = randomUUID();
    const who: AttemptInfo = { attempt, host, version: LAB_VERSION };
    const epochs: EpochMetrics[] = [];
    let sending: Promise<void> = Promise.resolve();
    const send = (message: JobProgress): void => {
      sending = sending
        .then(() => job.updateProgress(message))
        .catch((error: unknown) => deps.log(`job ${jobId}: progress not sent (${error instanceof Error ? error.message : String(error)})`));
    };
    let lastBatch = 0;
    const started = Date.now();
    const handle = startTrainingWorker(
      { runId: payload.runId, config: payload.config, datasetCachePath, preferredBackend: deps.backend ?? payload.preferredBackend ?? undefined },
      {
        onStarted: (backend, backendReason) => {
          send({ kind: 'started', ...who, backend, backendReason });
          deps.log(
            `${host}: run ${payload.runId} of lab ${payload.labId.slice(0, 8)} started (${backend}, ${payload.config.epochs} epochs${payload.labVersion === LAB_VERSION ? '' : `, lab ${payload.labVersion} ≠ worker ${LAB_VERSION}`})`,
          );
        },
        onBatch: (progress) => {
          const now = Date.now();
          if (now - lastBatch < BATCH_PROGRESS_MS) return;
          lastBatch = now;
          send({ kind: 'batch', attempt, progress });
        },
        onEpoch: (metrics) => {
          epochs.push(metrics);
          send({ kind: 'epoch', attempt, metrics });
        },
      },
      { pool: deps.pool },
    );
    const entry: ActiveJob = { runId: payload.runId, handle, handBack: false };
    deps.active.set(jobId, entry);
    try {
      const outcome = await handle.done;
      await sending;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (entry.handBack) {
        deps.log(`${host}: run ${payload.runId} handed back to the queue after ${seconds} s`);
        await job.moveToWait(token);
        throw new WaitingError();
      }
      deps.log(`${host}: run ${payload.runId} ${outcome.status} in ${seconds} s${outcome.error ? `: ${outcome.error}` : ''}`);
      if (outcome.status === 'failed' || outcome.backend === null) throw new Error(`training failed on ${host}: ${outcome.error ?? 'no backend'}`);
      // Re-stated so the narrowing above (not failed, a backend) reaches encodeResult's type.
      return encodeResult({ ...outcome, status: outcome.status, backend: outcome.backend }, who, epochs);
    } finally {
      deps.active.delete(jobId);
    }
  };
}
