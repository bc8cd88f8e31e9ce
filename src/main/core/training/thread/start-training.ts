/** Main-thread side of a run: starts a training worker, relays its progress, stops it through shared memory. */
import { existsSync } from 'node:fs';
import { messageOf, stderrLogger, type Logger } from '../../logger';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { failedOutcome, type TrainingOutcome } from '../../run-lifecycle';
import type { TrainingCallbacks, TrainingHandle, TrainingJob } from '../types';
import { createWorkerPool, type WorkerPool } from './worker-pool';
import { STOP_INDEX, type WorkerMessage } from './worker-protocol';

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

export interface StartOptions {
  /** Where idle workers come from and go back to (the run scheduler's); without one, a fresh worker that ends with its run. */
  pool?: WorkerPool;
  /** The worker script, when no pool is given; default `defaultWorkerUrl()`. */
  workerUrl?: URL;
  /** Where a failing progress callback is reported (default: stderr); the run goes on. */
  logger?: Logger;
}

/**
 * Trains `job` in a worker thread (from `options.pool` when given, see worker-pool.ts); `done` never rejects
 * (worker errors become status 'failed').
 */
export function startTrainingWorker(job: TrainingJob, callbacks: TrainingCallbacks, options: StartOptions = {}): TrainingHandle {
  const stopFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const stop = new Int32Array(stopFlag);
  const logger = options.logger ?? stderrLogger;
  const pool = options.pool ?? createWorkerPool(options.workerUrl ?? defaultWorkerUrl(), { maxIdle: 0 });
  const done = new Promise<TrainingOutcome>((resolve) => {
    let settled = false;
    let backend: TrainingOutcome['backend'] = null;
    let worker: Worker;
    try {
      worker = pool.acquire({ job, stopFlag });
    } catch (error) {
      resolve(failedOutcome(`the training worker could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    const onMessage = (message: WorkerMessage): void => {
      try {
        if (message.kind === 'started') {
          backend = message.backend;
          callbacks.onStarted(message.backend, message.backendReason);
        } else if (message.kind === 'batch') callbacks.onBatch(message.progress);
        else if (message.kind === 'epoch') callbacks.onEpoch(message.metrics);
        // A run that failed may have left the worker in an unknown state: end it rather than reuse it.
        else settle(message.outcome, message.outcome.status !== 'failed');
      } catch (error) {
        logger.warn(`a progress callback of run ${job.runId} failed: ${messageOf(error)}`);
      }
    };
    const onError = (error: Error): void => settle(failedOutcome(`the training worker crashed: ${error.message}`, backend), false);
    const onExit = (code: number): void => settle(failedOutcome(`the training worker exited (code ${code}) before finishing`, backend), false);
    /** `reusable`: the worker finished the run itself and can train another. */
    function settle(outcome: TrainingOutcome, reusable: boolean): void {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable) pool.release(worker);
      else void worker.terminate();
      resolve(outcome);
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
  return {
    stop: () => {
      Atomics.store(stop, STOP_INDEX, 1);
    },
    done,
  };
}
