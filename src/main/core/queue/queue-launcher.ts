/**
 * The owner's side of the queue: hands runs to BullMQ as jobs and turns their progress and results into the
 * scheduler's callbacks (job-tracker.ts), so `launch`, `settle`, events and study progress work as for local
 * runs. A run's job id is `<labId>_<runId>`: dispatching it again (after the owner restarted) re-attaches to
 * the job, and a result still in Redis is picked up. The owner removes a job once its result is recorded.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import { messageOf } from '../logger';
import type { DatasetRegistry } from '../datasets/registry';
import { BUILT_IN_DATASET_IDS } from '../datasets/registry';
import { contentHash } from '../datasets/same-content';
import type { LaunchCallbacks, LaunchedRun, RunLauncher } from '../training/run-launcher';
import { LAB_VERSION } from '../version';
import type { TrainingHandle } from '../training/types';
import type { BackendName } from '../../../shared/run-types';
import { uploadDataset } from './dataset-transfer';
import { JOB_NAME, jobIdOf, QUEUE_NAME, type JobPayload, type JobResult } from './job-payload';
import { createJobTracker, type JobTracker } from './job-tracker';
import { watchConnection } from './queue-connection';
import { connectRedis, redisOptions } from './redis-connection';
import type { QueueAddress } from './redis-url';
import { clearStopRequest, requestStop } from './stop-requests';

/** Attempts of a job: a failed training (or a worker that died twice) is tried on up to this many workers. */
export const JOB_ATTEMPTS = 3;
/** Finished jobs the lab has not collected (it died) wait this long in Redis for `study resume`: a week. */
const KEEP_SECONDS = 7 * 24 * 3600;
/** How long a stop waits for the worker to confirm before the run is settled as stopped anyway. */
const STOP_GRACE_MS = 15_000;

export interface QueueLauncherOptions {
  address: QueueAddress;
  labId: string;
  datasets: DatasetRegistry;
  preferredBackend?: BackendName;
  log: (line: string) => void;
}

/** Connects to the queue; throws QueueUnreachableError (naming the redacted URL) when it cannot within a few seconds. */
export async function createQueueLauncher(options: QueueLauncherOptions): Promise<RunLauncher> {
  const { address, labId, log } = options;
  const redis = connectRedis(address);
  const connection = await watchConnection(redis, address, log).catch((error: unknown) => {
    redis.disconnect();
    throw error;
  });
  const queue = new Queue(QUEUE_NAME, { connection: redisOptions(address) });
  const events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(address) });
  queue.on('error', () => {}); // reported once per outage by watchConnection
  events.on('error', () => {});
  await events.waitUntilReady();

  const tracked = new Map<string, { tracker: JobTracker; payload: JobPayload; datasetCachePath: string }>();
  const hashes = new Map<string, string>();
  const hashOf = (datasetId: string): string => {
    let hash = hashes.get(datasetId);
    if (hash === undefined) hashes.set(datasetId, (hash = contentHash(options.datasets.load(datasetId))));
    return hash;
  };

  /** Records a finished job's result (once), then removes the job: Redis keeps only what is not yet recorded. */
  const collect = async (jobId: string): Promise<void> => {
    const entry = tracked.get(jobId);
    const job = await Job.fromId<JobPayload, JobResult>(queue, jobId);
    if (!entry || !job) return;
    const state = await job.getState();
    if (state === 'completed') {
      try {
        entry.tracker.completed(job.returnvalue);
      } catch (error) {
        entry.tracker.failed(`the worker's result is unreadable: ${messageOf(error)}`);
      }
    } else if (state === 'failed') {
      entry.tracker.failed(`${job.failedReason} (after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'})`);
    } else return;
    await entry.tracker.done;
    tracked.delete(jobId);
    await job.remove().catch(() => {});
  };
  const collectLogged = (jobId: string): void => void collect(jobId).catch((error: unknown) => log(`could not collect job ${jobId}: ${messageOf(error)}`));
  events.on('progress', ({ jobId, data }) => tracked.get(jobId)?.tracker.progress(data));
  events.on('completed', ({ jobId }) => collectLogged(jobId));
  events.on('failed', ({ jobId }) => collectLogged(jobId));
  events.on('stalled', ({ jobId }) => {
    const entry = tracked.get(jobId);
    if (entry) log(`run ${entry.payload.runId}: its worker stopped answering; the queue gives it to another worker`);
  });

  /** Adds the run's job, or re-attaches to the one already there (a result left by a finished job is collected). */
  const dispatch = async (jobId: string, payload: JobPayload, datasetCachePath: string): Promise<void> => {
    if (!payload.dataset.builtIn) await uploadDataset(redis, payload.dataset.hash, datasetCachePath);
    const existing = await Job.fromId<JobPayload, JobResult>(queue, jobId);
    if (existing) {
      const state = await existing.getState();
      // Only a completed training is kept (the lab died before storing it); a stopped, diverged or failed one
      // belongs to an earlier dispatch of a run someone re-queued: train it again.
      const stale = state === 'failed' || (state === 'completed' && existing.returnvalue?.status !== 'completed');
      if (!stale) return state === 'completed' ? collect(jobId) : undefined;
      await existing.remove();
    }
    await clearStopRequest(redis, jobId); // a stop of an earlier dispatch of this run must not stop this one
    await queue.add(JOB_NAME, payload, { jobId, attempts: JOB_ATTEMPTS, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } });
  };

  /**
   * After an outage: jobs that finished meanwhile are collected (their events may be gone), and jobs Redis lost
   * (restarted without persistence) are added again and start over.
   */
  const redispatchLost = async (): Promise<void> => {
    for (const [jobId, entry] of tracked) {
      if (entry.tracker.settled) continue;
      if (await Job.fromId(queue, jobId)) {
        await collect(jobId);
        continue;
      }
      log(`run ${entry.payload.runId}: its job was lost while the queue was down; dispatching it again`);
      entry.tracker.lost();
      await dispatch(jobId, entry.payload, entry.datasetCachePath);
    }
  };
  connection.onReady(() => void redispatchLost().catch((error: unknown) => log(`could not re-dispatch lost jobs: ${messageOf(error)}`)));

  return {
    get ready() {
      return connection.ready;
    },
    onReady: (listener) => connection.onReady(listener),
    start(run: LaunchedRun, callbacks: LaunchCallbacks): TrainingHandle {
      // One line per attempt and worker host, so a sweep's log says where each run trained.
      const tracker = createJobTracker({
        ...callbacks,
        onWorker: (worker) => {
          const other = worker.version === LAB_VERSION ? '' : `, Loss Lab ${worker.version} (this lab: ${LAB_VERSION})`;
          log(`run ${run.runId} training on ${worker.host} (${worker.backend}${other})`);
          callbacks.onWorker(worker);
        },
      });
      const jobId = jobIdOf(labId, run.runId);
      try {
        const info = options.datasets.list().find((d) => d.id === run.datasetId);
        if (!info) throw new Error(`dataset "${run.datasetId}" does not exist`);
        const payload: JobPayload = {
          labId,
          runId: run.runId,
          config: run.config,
          dataset: {
            id: info.id,
            name: info.name,
            hash: hashOf(info.id),
            trainSize: info.trainSize,
            testSize: info.testSize,
            builtIn: BUILT_IN_DATASET_IDS.includes(info.id),
          },
          labVersion: LAB_VERSION,
          preferredBackend: options.preferredBackend ?? null,
        };
        tracked.set(jobId, { tracker, payload, datasetCachePath: run.datasetCachePath });
        dispatch(jobId, payload, run.datasetCachePath).catch((error: unknown) =>
          tracker.failed(`could not dispatch the run to ${address.redacted}: ${messageOf(error)}`),
        );
      } catch (error) {
        tracker.failed(`could not dispatch the run: ${messageOf(error)}`);
      }
      return {
        stop() {
          if (tracker.settled) return;
          void requestStop(redis, jobId).catch(() => {});
          // A job no worker has taken yet is simply removed; an active one (locked) refuses, and its worker stops it.
          void Job.fromId(queue, jobId)
            .then((job) => job?.remove())
            .then(() => tracker.stopped(null))
            .catch(() => {});
          setTimeout(() => tracker.stopped(`stopped here; the queue at ${address.redacted} did not confirm the stop`), STOP_GRACE_MS).unref();
        },
        done: tracker.done,
      };
    },
    async close() {
      connection.close();
      await Promise.allSettled([events.close(), queue.close()]);
      redis.disconnect();
    },
  };
}
