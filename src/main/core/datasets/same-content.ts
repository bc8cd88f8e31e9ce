/**
 * Recognising a dataset that is already registered: the SHA-256 of its images and labels (train, then test),
 * whatever folder, file names, compression or name it arrives with.
 */
import { createHash } from 'node:crypto';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { type Dataset, DatasetError, type DatasetSplit } from './dataset';

/** Hex SHA-256 over both splits' counts, labels and images. */
export function contentHash(splits: { train: DatasetSplit; test: DatasetSplit }): string {
  const hash = createHash('sha256');
  for (const split of [splits.train, splits.test]) {
    const count = Buffer.alloc(4);
    count.writeUInt32LE(split.count);
    hash.update(count).update(split.labels).update(split.images);
  }
  return hash.digest('hex');
}

/**
 * Remembers each registered dataset's hash (computed once, from its loaded bytes) and finds the one an
 * import duplicates.
 */
export function sameContentFinder(load: (id: string) => Dataset): (hash: string, registered: readonly DatasetInfo[]) => DatasetInfo | undefined {
  const hashes = new Map<string, string>();
  return (hash, registered) =>
    registered.find((info) => {
      let known = hashes.get(info.id);
      if (known === undefined) {
        try {
          known = contentHash(load(info.id));
        } catch {
          return false; // an unreadable registered set cannot be the same; it says why when someone uses it
        }
        hashes.set(info.id, known);
      }
      return known === hash;
    });
}

/** The error an import of already-registered content ends with: which dataset it is, and what to do. */
export function alreadyImported(path: string, existing: DatasetInfo): DatasetError {
  return new DatasetError(
    path,
    `holds the same images and labels as the dataset “${existing.name}” (${existing.id}), registered ${existing.createdAt.slice(0, 10)}`,
    `choose “${existing.name}” in the dataset list instead of importing it again`,
  );
}
