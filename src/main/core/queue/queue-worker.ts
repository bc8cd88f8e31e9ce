/**
 * `lab worker`: trains the queue's jobs on this machine, `concurrency` at a time, each in its own worker thread.
 * BullMQ's locks and stalled-job check hand a job whose worker died (kill -9, power cut) to another worker
 * after about `LOCK_MS`; a stop request from the owner stops the run as a local stop would.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'bullmq';
import type { BackendName } from '../../../shared/run-types';
import type { DatasetRegistry } from '../datasets/registry';
import { defaultWorkerUrl } from '../training/thread/start-training';
import { createWorkerPool } from '../training/thread/worker-pool';
import { createJobProcessor, type ActiveJob } from './job-processor';
import { QUEUE_NAME } from './job-payload';
import { connectRedis, redisOptions } from './redis-connection';
import type { QueueAddress } from './redis-url';
import { stopRequested } from './stop-requests';
import { createDatasetResolver } from './worker-datasets';

/** A job's lock lasts this long unless its worker renews it (every half of it); a dead worker's job is re-queued after it. */
export const LOCK_MS = 10_000;
/** How often workers look for jobs whose lock ran out. */
export const STALLED_CHECK_MS = 5_000;
/** Stop requests are polled this often. */
const STOP_POLL_MS = 1_000;

export interface QueueWorkerOptions {
  address: QueueAddress;
  dataDir: string;
  datasets: DatasetRegistry;
  /** Jobs trained at once; default the number of cores. */
  concurrency?: number;
  backend?: BackendName;
  workerUrl?: URL;
  log: (line: string) => void;
}

export interface QueueWorker {
  readonly concurrency: number;
  /** Takes no new job and resolves once the active ones have finished and reported. */
  close(): Promise<void>;
  /** Stops the active runs and puts their jobs back in the queue for another worker, then closes. */
  handBack(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const redis = connectRedis(options.address);
  const pool = createWorkerPool(options.workerUrl ?? defaultWorkerUrl(), { maxIdle: concurrency });
  const active = new Map<string, ActiveJob>();
  const processor = createJobProcessor({
    pool,
    datasets: createDatasetResolver(options.datasets, options.dataDir, redis),
    backend: options.backend,
    active,
    log: options.log,
  });
  const worker = new Worker(QUEUE_NAME, processor, {
    connection: redisOptions(options.address),
    concurrency,
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: 2,
  });
  let unreachable = false;
  worker.on('error', (error) => {
    if (unreachable) return;
    unreachable = true;
    options.log(`the queue at ${options.address.redacted} is unreachable (${error.message}); retrying`);
  });
  worker.on('ready', () => {
    if (unreachable) options.log(`the queue at ${options.address.redacted} is back`);
    unreachable = false;
  });
  const poll = setInterval(() => {
    for (const [jobId, job] of active) {
      stopRequested(redis, jobId).then(
        (stop) => stop && job.handle.stop(),
        () => {},
      );
    }
  }, STOP_POLL_MS);
  await worker.waitUntilReady();

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await worker.close();
      clearInterval(poll);
      await pool.close();
      redis.disconnect();
    })());
  return {
    concurrency,
    close,
    async handBack() {
      for (const job of active.values()) {
        job.handBack = true;
        job.handle.stop();
      }
      await close();
    },
  };
}
