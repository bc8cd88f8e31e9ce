/** Main-thread side of a run: starts a training worker, relays its progress, stops it through shared memory. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainingCallbacks, TrainingHandle, TrainingJob, TrainingOutcome } from './types';
import { STOP_INDEX, type WorkerInput, type WorkerMessage } from './worker-protocol';

/**
 * Where the worker is: the source file beside this one when running from source (vitest, tsx), else the
 * built `training-worker.js` beside the bundle, or one folder up when this code sits in a shared chunk.
 */
export function defaultWorkerUrl(base: string = import.meta.url): URL {
  if (base.endsWith('.ts')) return new URL('./training-worker.ts', base);
  const beside = new URL('./training-worker.js', base);
  const above = new URL('../training-worker.js', base);
  return existsSync(fileURLToPath(beside)) || !existsSync(fileURLToPath(above)) ? beside : above;
}

function spawn(url: URL, input: WorkerInput): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: input });
  // A .ts worker is loaded through tsx's ESM hooks, registered inside the worker (execArgv --import does not work here).
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData: input });
}

function failure(error: string): TrainingOutcome {
  return { status: 'failed', backend: null, evaluation: null, model: null, error };
}

/** Trains `job` in a new worker thread; `done` never rejects (worker errors become status 'failed'). */
export function startTrainingWorker(job: TrainingJob, callbacks: TrainingCallbacks, options: { workerUrl?: URL } = {}): TrainingHandle {
  const stopFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const stop = new Int32Array(stopFlag);
  const done = new Promise<TrainingOutcome>((resolve) => {
    let settled = false;
    let backend: TrainingOutcome['backend'] = null;
    const settle = (outcome: TrainingOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
      void worker.terminate();
    };
    let worker: Worker;
    try {
      worker = spawn(options.workerUrl ?? defaultWorkerUrl(), { job, stopFlag });
    } catch (error) {
      resolve(failure(`the training worker could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    worker.on('message', (message: WorkerMessage) => {
      try {
        if (message.type === 'started') {
          backend = message.backend;
          callbacks.onStarted(message.backend);
        } else if (message.type === 'batch') callbacks.onBatch(message.progress);
        else if (message.type === 'epoch') callbacks.onEpoch(message.metrics);
        else settle(message.outcome);
      } catch (error) {
        console.error('[training] a progress callback failed:', error);
      }
    });
    worker.on('error', (error) => settle({ ...failure(`the training worker crashed: ${error.message}`), backend }));
    worker.on('exit', (code) => settle({ ...failure(`the training worker exited (code ${code}) before finishing`), backend }));
  });
  return {
    stop: () => {
      Atomics.store(stop, STOP_INDEX, 1);
    },
    done,
  };
}
