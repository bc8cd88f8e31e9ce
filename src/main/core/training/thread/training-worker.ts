/**
 * worker_threads entry: trains one job and posts progress, then the outcome. Built by electron-vite as
 * out/main/training-worker.js; run from source through tsx in tests and the CLI (see start-training.ts).
 * Its only side effect is starting the run, and only when loaded as a worker with a job; afterwards it
 * trains each further job posted to it (a `WorkerInput` message), so a pooled worker starts tfjs only once.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readDatasetCache } from '../../datasets/cache';
import { initBackendFor } from '../backend/backend';
import { trainRun } from '../loop/train-run';
import { failedOutcome, type TrainingOutcome } from '../../run-lifecycle';
import { STOP_INDEX, type WorkerInput, type WorkerMessage } from './worker-protocol';

async function runJob(input: WorkerInput, post: (message: WorkerMessage) => void): Promise<TrainingOutcome> {
  const stop = new Int32Array(input.stopFlag);
  let backend: TrainingOutcome['backend'] = null;
  try {
    // Chosen here, where the run trains: smoke-stepped on the run's own model, then the fastest (or forced).
    const chosen = await initBackendFor(input.job.config, input.job.preferredBackend, input.job.backendChoicesPath ?? null);
    backend = chosen.name;
    const dataset = readDatasetCache(input.job.datasetCachePath);
    return await trainRun(
      input.job.config,
      dataset,
      {
        runId: input.job.runId,
        onStarted: (name) => post({ kind: 'started', backend: name, backendReason: chosen.reason }),
        onBatch: (progress) => post({ kind: 'batch', progress }),
        onEpoch: (metrics) => post({ kind: 'epoch', metrics }),
      },
      () => Atomics.load(stop, STOP_INDEX) !== 0,
    );
  } catch (error) {
    return failedOutcome(error instanceof Error ? error.message : String(error), backend);
  }
}

if (!isMainThread && parentPort !== null && workerData !== null && typeof workerData === 'object') {
  const port = parentPort;
  const post = (message: WorkerMessage): void => port.postMessage(message);
  const serve = (input: WorkerInput): void => {
    void runJob(input, post).then((outcome) => {
      const transfer = outcome.model ? [outcome.model.weightData.buffer as ArrayBuffer] : [];
      port.postMessage({ kind: 'done', outcome } satisfies WorkerMessage, transfer);
    });
  };
  serve(workerData as WorkerInput);
  // Kept for the next run by start-training.ts's pool: later jobs arrive as messages, one at a time.
  port.on('message', (input: WorkerInput) => serve(input));
}
