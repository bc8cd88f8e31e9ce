/** What `lab worker` runs: this machine's datasets (for built-in and already-imported sets) and a queue worker. */
import { join } from 'node:path';
import type { BackendName } from '../../../shared/run-types';
import { openDatasetRegistry } from '../datasets/registry';
import { ensureDirectory } from '../files/ensure-directory';
import { openStore } from '../store';
import { startQueueWorker, type QueueWorker } from './queue-worker';
import type { QueueAddress } from './redis-url';

export interface WorkerHostOptions {
  address: QueueAddress;
  dataDir: string;
  concurrency?: number;
  backend?: BackendName;
  log: (line: string) => void;
}

/** Starts a worker over the data directory's datasets; closing it closes the database too. */
export async function startWorkerHost(options: WorkerHostOptions): Promise<QueueWorker> {
  ensureDirectory(options.dataDir);
  const store = openStore(join(options.dataDir, 'loss-lab.db'));
  try {
    const datasets = await openDatasetRegistry(options.dataDir, store);
    const worker = await startQueueWorker({ ...options, datasets });
    const closeStore = <T>(result: T): T => (store.close(), result);
    return {
      concurrency: worker.concurrency,
      close: () => worker.close().then(closeStore),
      handBack: () => worker.handBack().then(closeStore),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
