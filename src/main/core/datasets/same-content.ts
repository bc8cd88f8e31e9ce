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

export interface SameContentFinder {
  /** The registered dataset holding the content with this hash, if any. */
  find(hash: string, registered: readonly DatasetInfo[]): DatasetInfo | undefined;
  /** Drops a deleted dataset's remembered hash: a later import may reuse its id for other content. */
  forget(id: string): void;
}

/**
 * Remembers each registered dataset's hash (computed once, from its loaded bytes) and finds the one an
 * import duplicates.
 */
export function sameContentFinder(load: (id: string) => Dataset): SameContentFinder {
  const hashes = new Map<string, string>();
  const find = (hash: string, registered: readonly DatasetInfo[]): DatasetInfo | undefined =>
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
  return { find, forget: (id) => void hashes.delete(id) };
}

/** The error an import of already-registered content ends with: which dataset it is, and what to do. */
export function alreadyImported(path: string, existing: DatasetInfo): DatasetError {
  return new DatasetError(
    path,
    `holds the same images and labels as the dataset “${existing.name}” (${existing.id}), registered ${existing.createdAt.slice(0, 10)}`,
    `choose “${existing.name}” in the dataset list instead of importing it again`,
  );
}
