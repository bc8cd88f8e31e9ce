/**
 * Idle training workers kept for the next run. Starting a worker (tsx or the bundle, tfjs, compiling the
 * WASM backend) took ~0.5 s of a short run and kept a second core busy meanwhile (bench study section:
 * 1 worker used 1.37 cores), which capped what a second worker could add. A worker that finished a run
 * cleanly waits a few seconds for another; it is unref'd, so it never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './worker-protocol';

export interface WorkerPool {
  /** A worker training `input`: an idle one if there is one, else a new one. */
  acquire(input: WorkerInput): Worker;
  /** Keeps `worker` (which just finished a run and has no listeners of that run left) for the next run. */
  release(worker: Worker): void;
  /** Workers waiting for a run (diagnostics and tests). */
  idleCount(): number;
  /** Ends the idle workers; workers still training belong to their runs. */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  /** How long an idle worker waits for another run before it ends and frees its WASM memory. */
  idleMs?: number;
  /** Idle workers kept at most; 0 ends every worker after its run. */
  maxIdle?: number;
}

function spawn(url: URL, input: WorkerInput): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: input });
  // A .ts worker is loaded through tsx's ESM hooks, registered inside the worker (execArgv --import does not work here).
  // An eval'd worker resolves bare specifiers from the cwd, so tsx is resolved here, from this file.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData: input });
}

/** A pool of training workers running the script at `url`. */
export function createWorkerPool(url: URL, { idleMs = 5000, maxIdle = 4 }: WorkerPoolOptions = {}): WorkerPool {
  const idle: Worker[] = [];
  const expiries = new Map<Worker, () => void>();

  const forget = (worker: Worker): void => {
    const index = idle.indexOf(worker);
    if (index >= 0) idle.splice(index, 1);
    expiries.get(worker)?.();
    expiries.delete(worker);
  };

  return {
    acquire(input) {
      const worker = idle.pop();
      if (worker === undefined) return spawn(url, input);
      forget(worker);
      worker.ref();
      worker.postMessage(input);
      return worker;
    },
    release(worker) {
      if (idle.length >= maxIdle) {
        void worker.terminate();
        return;
      }
      worker.unref();
      idle.push(worker);
      const onExit = (): void => forget(worker);
      const timer = setTimeout(() => {
        forget(worker);
        void worker.terminate();
      }, idleMs);
      timer.unref();
      worker.once('exit', onExit);
      expiries.set(worker, () => {
        clearTimeout(timer);
        worker.off('exit', onExit);
      });
    },
    idleCount: () => idle.length,
    async close() {
      const workers = idle.splice(0);
      workers.forEach(forget);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
