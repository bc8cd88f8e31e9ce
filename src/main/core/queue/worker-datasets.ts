/**
 * Where a worker finds a job's dataset: a built-in set from its own registry (checked to hold the same content
 * as the owner's), an imported one among its registered sets or earlier downloads by content hash, else from
 * the queue (dataset-transfer.ts). Content hashes are computed once per dataset and process.
 */
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { DatasetRegistry } from '../datasets/registry';
import { contentHash } from '../datasets/same-content';
import { DatasetTransferError, fetchDataset } from './dataset-transfer';
import type { JobPayload } from './job-payload';

/** Resolves a job's dataset to the path of a verified cache file on this machine. */
export type DatasetResolver = (dataset: JobPayload['dataset']) => Promise<string>;

export function createDatasetResolver(registry: DatasetRegistry, dataDir: string, redis: Redis): DatasetResolver {
  const hashes = new Map<string, string>();
  const hashOf = (id: string): string => {
    let hash = hashes.get(id);
    if (hash === undefined) hashes.set(id, (hash = contentHash(registry.load(id))));
    return hash;
  };
  const downloads = join(dataDir, 'datasets', 'from-queue');
  const fetching = new Map<string, Promise<string>>();

  return async (dataset) => {
    const registered = registry.list();
    if (dataset.builtIn) {
      if (!registered.some((info) => info.id === dataset.id))
        throw new DatasetTransferError(`this worker's Loss Lab has no built-in dataset "${dataset.id}"; update it`);
      await registry.prepare(dataset.id);
      if (hashOf(dataset.id) !== dataset.hash) {
        throw new DatasetTransferError(
          `this worker's built-in "${dataset.id}" holds other images than the lab's (another Loss Lab version?); update both to the same version`,
        );
      }
      return registry.cachePath(dataset.id);
    }
    // Only sets of the same sizes can hold the same content: no need to load (and hash) the others.
    const candidates = registered.filter((info) => info.kind === 'idx' && info.trainSize === dataset.trainSize && info.testSize === dataset.testSize);
    const local = candidates.find((info) => hashOf(info.id) === dataset.hash);
    if (local) return registry.cachePath(local.id);
    let download = fetching.get(dataset.hash);
    if (!download) {
      download = fetchDataset(redis, dataset.hash, downloads, dataset.name).finally(() => fetching.delete(dataset.hash));
      fetching.set(dataset.hash, download);
    }
    return download;
  };
}
