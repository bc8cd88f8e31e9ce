/**
 * Idle training workers kept for the next run. Starting a worker (tsx or the bundle, tfjs, compiling the
 * WASM backend) took ~0.5 s of a short run and kept a second core busy meanwhile (bench study section:
 * 1 worker used 1.37 cores), which capped what a second worker could add. A worker that finished a run
 * cleanly waits a few seconds for another; it is unref'd, so it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './worker-protocol';

/** How long an idle worker waits for another run before it ends and frees its WASM memory. */
export const IDLE_WORKER_MS = 5000;
/** Idle workers kept at most, per worker script. */
const MAX_IDLE = 4;

const idle = new Map<string, Worker[]>();
const expiries = new WeakMap<Worker, () => void>();

function spawn(url: URL, input: WorkerInput): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: input });
  // A .ts worker is loaded through tsx's ESM hooks, registered inside the worker (execArgv --import does not work here).
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData: input });
}

function remove(href: string, worker: Worker): void {
  const pool = idle.get(href) ?? [];
  const index = pool.indexOf(worker);
  if (index >= 0) pool.splice(index, 1);
  expiries.get(worker)?.();
  expiries.delete(worker);
}

/** Idle workers of `url` waiting for a run (diagnostics and tests). */
export function idleWorkerCount(url: URL): number {
  return idle.get(url.href)?.length ?? 0;
}

/** A worker training `input`: an idle one of `url` if there is one, else a new one. */
export function acquireWorker(url: URL, input: WorkerInput): Worker {
  const worker = idle.get(url.href)?.pop();
  if (worker === undefined) return spawn(url, input);
  remove(url.href, worker);
  worker.ref();
  worker.postMessage(input);
  return worker;
}

/** Keeps `worker` (which just finished a run and has no listeners of that run left) for the next run. */
export function releaseWorker(url: URL, worker: Worker): void {
  const pool = idle.get(url.href) ?? [];
  if (pool.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  pool.push(worker);
  idle.set(url.href, pool);
  const onExit = (): void => remove(url.href, worker);
  const timer = setTimeout(() => {
    remove(url.href, worker);
    void worker.terminate();
  }, IDLE_WORKER_MS);
  timer.unref();
  worker.once('exit', onExit);
  expiries.set(worker, () => {
    clearTimeout(timer);
    worker.off('exit', onExit);
  });
}
