/** The dataset registry: the two built-in MNIST sets plus imported IDX sets, each cached as one binary file. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { NotFoundError } from '../store/errors';
import type { DatasetDeletion, DatasetRecordCounts } from '../store/record-types';
import type { RunStore } from '../store/store-types';
import { readDatasetCache, writeDatasetCache } from './cache';
import { type Dataset, DatasetError } from './dataset';
import { buildEmbeddedDataset, EMBEDDED_DATASET_ID, EMBEDDED_DATASET_NAME } from './embedded';
import { defaultDatasetName, locateIdxFiles } from './idx-files';
import { classNamesFor, type ProgressListener, readIdxSplits } from './idx-import';
import { relocateCachePaths, storedCachePath, resolveCachePath } from './cache-paths';
import { MNIST_DATASET_ID, mnistInfo, readFullMnist, readFullMnistSync } from './mnist-full';
import { alreadyImported, contentHash, sameContentFinder } from './same-content';
import { uniqueSlug } from './slug';
import { removeOrphanTempFiles } from './temp-files';

export interface DatasetRegistry {
  /** Every registered dataset, oldest first (the built-in sample first, then the full MNIST). */
  list(): DatasetInfo[];
  /**
   * Makes sure the dataset's cache file exists, converting the full MNIST on its first use with progress
   * (about a second; the other datasets are cached when registered). Call before queueing runs on `id`.
   */
  prepare(id: string, onProgress?: ProgressListener): Promise<void>;
  /** Loads and memoizes the dataset's bytes. Throws DatasetError, or NotFoundError for an unknown id. */
  load(id: string): Dataset;
  /**
   * Absolute path of the cache file, so a worker thread can `readDatasetCache` itself (converting the full
   * MNIST synchronously if its cache went missing). Throws NotFoundError.
   */
  cachePath(id: string): string;
  /**
   * Imports a folder holding the four IDX files, or the four files (raw or .gz). Registers the dataset only
   * once its cache is fully written; on any problem throws DatasetError and registers nothing.
   */
  import(paths: string[], name?: string, onProgress?: ProgressListener, source?: string): Promise<DatasetInfo>;
  /**
   * Unregisters an imported dataset with its studies and runs (one transaction), then deletes its cache file.
   * Throws NotFoundError for an unknown id and DatasetError for a built-in set; checking that none of its runs
   * is active is the caller's job, done by `check` inside that transaction (it refuses by throwing). Returns
   * how many runs and studies went with it, and the ids of those runs.
   */
  remove(id: string, check?: (counts: DatasetRecordCounts) => void): DatasetDeletion;
}

/** The sets Loss Lab ships (or converts from its own package): never deleted, always rebuilt when missing. */
export const BUILT_IN_DATASET_IDS: readonly string[] = [EMBEDDED_DATASET_ID, MNIST_DATASET_ID];

/**
 * Opens the registry kept in `<dataDir>/datasets`. The first open converts the `mnist` package's digits into
 * `mnist-embedded.bin` (about a second) and registers the full MNIST, whose `mnist.bin` is written on its
 * first use (`prepare`, or `cachePath`/`load`); later opens only check that the sample's file is there. Cache
 * paths are stored relative to the data directory, so the folder can be moved or copied; each open removes
 * the temporary files of imports whose process is gone. Over a read-only store nothing is written.
 */
export async function openDatasetRegistry(dataDir: string, store: RunStore): Promise<DatasetRegistry> {
  const root = resolve(dataDir);
  const dir = join(root, 'datasets');
  if (!store.readOnly) {
    mkdirSync(dir, { recursive: true });
    removeOrphanTempFiles(dir);
    relocateCachePaths(root, store);
  }
  const memo = new Map<string, Dataset>();
  const entry = (id: string): { info: DatasetInfo; cachePath: string } | undefined => {
    const found = store.listDatasets().find((e) => e.info.id === id);
    return found && { info: found.info, cachePath: resolveCachePath(root, found.cachePath) };
  };

  /** Builds the digits; records them unless the store is read-only (then they live in memory only). */
  const buildEmbedded = (): Dataset => {
    const dataset = buildEmbeddedDataset();
    if (store.readOnly) return dataset;
    const path = join(dir, `${EMBEDDED_DATASET_ID}.bin`);
    writeDatasetCache(path, dataset);
    store.saveDataset(dataset.info, storedCachePath(root, path));
    return dataset;
  };
  const embedded = entry(EMBEDDED_DATASET_ID);
  if (!embedded || !existsSync(embedded.cachePath)) memo.set(EMBEDDED_DATASET_ID, buildEmbedded());
  else if (embedded.info.name !== EMBEDDED_DATASET_NAME && !store.readOnly) {
    store.saveDataset({ ...embedded.info, name: EMBEDDED_DATASET_NAME }, storedCachePath(root, embedded.cachePath));
  }

  const mnistPath = join(dir, `${MNIST_DATASET_ID}.bin`);
  const mnist = entry(MNIST_DATASET_ID);
  if ((!mnist || mnist.info.name !== mnistInfo().name) && !store.readOnly)
    store.saveDataset(mnistInfo(mnist?.info.createdAt), storedCachePath(root, mnistPath));
  /** Caches the converted full MNIST (in memory only over a read-only store). */
  const saveMnist = (dataset: Dataset): Dataset => {
    if (!store.readOnly) writeDatasetCache(mnistPath, dataset);
    memo.set(MNIST_DATASET_ID, dataset);
    return dataset;
  };
  let converting: Promise<void> | null = null;

  const requireEntry = (id: string): { info: DatasetInfo; cachePath: string } => {
    const found = entry(id);
    if (!found) throw new NotFoundError(`dataset "${id}" does not exist (it may have been removed); choose another dataset`);
    return found;
  };

  const registry: DatasetRegistry = {
    list: () => store.listDatasets().map((e) => e.info),
    async prepare(id, onProgress) {
      const { cachePath } = requireEntry(id);
      if (id !== MNIST_DATASET_ID || existsSync(cachePath)) return;
      converting ??= readFullMnist(onProgress)
        .then((dataset) => {
          saveMnist(dataset);
          onProgress?.({ path: cachePath, fraction: 1, message: `Converted MNIST: ${dataset.train.count} training and ${dataset.test.count} test images` });
        })
        .finally(() => {
          converting = null;
        });
      await converting;
    },
    cachePath(id) {
      const { cachePath } = requireEntry(id);
      if (id === MNIST_DATASET_ID && !existsSync(cachePath)) saveMnist(readFullMnistSync());
      return cachePath;
    },
    load(id) {
      const cached = memo.get(id);
      if (cached) return cached;
      const { cachePath } = requireEntry(id);
      let dataset: Dataset;
      try {
        dataset = readDatasetCache(cachePath);
      } catch (error) {
        // The built-in sets can always be rebuilt, e.g. after a cache format change or a deleted file.
        if (!(error instanceof DatasetError) || (id !== EMBEDDED_DATASET_ID && id !== MNIST_DATASET_ID)) throw error;
        dataset = id === MNIST_DATASET_ID ? saveMnist(readFullMnistSync()) : buildEmbedded();
      }
      memo.set(id, dataset);
      return dataset;
    },
    async import(paths, name, onProgress, source) {
      const files = locateIdxFiles(paths);
      const splits = await readIdxSplits(files, onProgress);
      // The same images and labels again (another folder, name or compression): say which dataset it is.
      const hash = contentHash(splits);
      const existing = sameContent.find(
        hash,
        store.listDatasets().map((e) => e.info),
      );
      if (existing) throw alreadyImported(paths.length === 1 ? paths[0] : files.trainImages, existing);
      // From here to registration everything is synchronous, so concurrent imports cannot pick the same id.
      const folderName = defaultDatasetName(paths, files);
      const datasetName = name?.trim() || folderName;
      const id = uniqueSlug(datasetName, new Set(store.listDatasets().map((e) => e.info.id)));
      const info: DatasetInfo = {
        id,
        name: datasetName,
        kind: 'idx',
        trainSize: splits.train.count,
        testSize: splits.test.count,
        classNames: classNamesFor(datasetName, folderName),
        source: source ?? `IDX files imported from ${paths.length === 1 ? paths[0] : files.trainImages.replace(/[^/\\]*$/, '')}`,
        createdAt: new Date().toISOString(),
      };
      const cachePath = join(dir, `${id}.bin`);
      writeDatasetCache(cachePath, { info, ...splits });
      try {
        store.saveDataset(info, storedCachePath(root, cachePath));
      } catch (error) {
        rmSync(cachePath, { force: true });
        throw error;
      }
      memo.set(id, { info, ...splits });
      onProgress?.({ path: cachePath, fraction: 1, message: `Imported ${info.name}: ${info.trainSize} training and ${info.testSize} test images` });
      return info;
    },
    remove(id, check) {
      const { info, cachePath } = requireEntry(id);
      if (BUILT_IN_DATASET_IDS.includes(id)) {
        throw new DatasetError(info.name, 'is built into Loss Lab and cannot be deleted', 'delete imported datasets only');
      }
      const removed = store.deleteDataset(id, check);
      memo.delete(id);
      sameContent.forget(id);
      // After the rows: a failure here leaves an orphaned file, never a registration without its data.
      // (A stored cache path may be relative to the data folder; an absolute one resolves to itself.)
      rmSync(resolve(dataDir, cachePath), { force: true });
      return removed;
    },
  };
  const sameContent = sameContentFinder((id) => registry.load(id));
  return registry;
}
