/**
 * Dataset cache paths as stored: relative to the data directory (`datasets/mnist-embedded.bin`, always `/`),
 * so a data directory can be moved or copied. Rows from before were absolute; `relocateCachePaths` rewrites them.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { RunStore } from '../store/store-types';

/** The stored form of `path` (absolute) for data directory `root`: relative when inside it. */
export function storedCachePath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

/** The absolute path of a stored cache path. */
export function resolveCachePath(root: string, stored: string): string {
  return isAbsolute(stored) ? stored : resolve(root, stored);
}

/**
 * Rewrites absolute cache paths to relative ones: a path inside `root`, or one that no longer exists whose
 * file is in `root/datasets` (the folder was moved or copied from elsewhere). Returns the dataset ids changed.
 */
export function relocateCachePaths(root: string, store: RunStore): string[] {
  const changed: string[] = [];
  for (const { info, cachePath } of store.listDatasets()) {
    if (!isAbsolute(cachePath)) continue;
    let stored = storedCachePath(root, cachePath);
    if (isAbsolute(stored) && !existsSync(cachePath) && existsSync(join(root, 'datasets', basename(cachePath)))) {
      stored = `datasets/${basename(cachePath)}`;
    }
    if (stored === cachePath) continue;
    store.saveDataset(info, stored);
    changed.push(info.id);
  }
  return changed;
}
