/**
 * The dataset cache file: one compact binary file per dataset, read with a single `readFileSync`.
 *
 * Layout (all integers unsigned 32-bit little-endian):
 *   bytes 0..3   magic `LLDS`
 *   bytes 4..7   format version (CACHE_VERSION)
 *   bytes 8..11  length L of the info JSON in bytes
 *   12..12+L     DatasetInfo as UTF-8 JSON
 *   then         train count, test count
 *   then         train labels, test labels (one byte each),
 *                train images, test images (784 bytes each)
 * The file length must equal the header's promise exactly.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { storageError } from '../store/errors';
import { tempPathFor } from './temp-files';
import { type Dataset, DatasetError, type DatasetSplit, IMAGE_SIZE } from './dataset';

const MAGIC = 'LLDS';
/** Bump when the layout changes; older files are then rejected (and the embedded one rebuilt). */
export const CACHE_VERSION = 1;

const CACHE_ADVICE = 'delete the file and import the dataset again (the built-in digits are rebuilt automatically)';

/**
 * Writes `dataset` to `path` through a temporary file and a rename, so `path` is never half-written. A failure
 * to write (disk full, permissions) removes the temporary file and throws a StorageError naming `path`.
 */
export function writeDatasetCache(path: string, dataset: Dataset): void {
  const { train, test } = dataset;
  checkSplit(path, 'train', train);
  checkSplit(path, 'test', test);
  const info = Buffer.from(JSON.stringify(dataset.info), 'utf8');
  const header = Buffer.alloc(12 + info.length + 8);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(CACHE_VERSION, 4);
  header.writeUInt32LE(info.length, 8);
  info.copy(header, 12);
  header.writeUInt32LE(train.count, 12 + info.length);
  header.writeUInt32LE(test.count, 16 + info.length);

  const temp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    for (const part of [header, train.labels, test.labels, train.images, test.images]) {
      writeAll(fd, part);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw storageError(error, 'write the dataset cache', path);
  }
}

/** Reads a cache file written by `writeDatasetCache`. The splits are views into one buffer (no copies). */
export function readDatasetCache(path: string): Dataset {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(path, code === 'ENOENT' ? 'the cache file is missing' : `cannot be read (${code ?? String(error)})`, CACHE_ADVICE);
  }
  if (file.length < 20 || file.toString('latin1', 0, 4) !== MAGIC) {
    throw new DatasetError(path, 'is not a Loss Lab dataset cache (bad magic number)', CACHE_ADVICE);
  }
  const version = file.readUInt32LE(4);
  if (version !== CACHE_VERSION) {
    throw new DatasetError(path, `has cache format version ${version}, this build reads version ${CACHE_VERSION}`, CACHE_ADVICE);
  }
  const infoLength = file.readUInt32LE(8);
  if (12 + infoLength + 8 > file.length) throw new DatasetError(path, 'is truncated (header cut short)', CACHE_ADVICE);
  let info: DatasetInfo;
  try {
    info = JSON.parse(file.toString('utf8', 12, 12 + infoLength)) as DatasetInfo;
  } catch {
    throw new DatasetError(path, 'holds unreadable dataset information', CACHE_ADVICE);
  }
  const trainCount = file.readUInt32LE(12 + infoLength);
  const testCount = file.readUInt32LE(16 + infoLength);
  const dataStart = 20 + infoLength;
  const expected = dataStart + (trainCount + testCount) * (1 + IMAGE_SIZE);
  if (file.length !== expected) {
    throw new DatasetError(path, `should be ${expected} bytes for ${trainCount} + ${testCount} images but is ${file.length}`, CACHE_ADVICE);
  }
  if (info.trainSize !== trainCount || info.testSize !== testCount) {
    throw new DatasetError(path, 'its dataset information disagrees with its image counts', CACHE_ADVICE);
  }
  const view = (offset: number, length: number): Uint8Array => new Uint8Array(file.buffer, file.byteOffset + offset, length);
  const trainImages = dataStart + trainCount + testCount;
  const testImages = trainImages + trainCount * IMAGE_SIZE;
  return {
    info,
    train: { count: trainCount, labels: view(dataStart, trainCount), images: view(trainImages, trainCount * IMAGE_SIZE) },
    test: { count: testCount, labels: view(dataStart + trainCount, testCount), images: view(testImages, testCount * IMAGE_SIZE) },
  };
}

function checkSplit(path: string, name: string, split: DatasetSplit): void {
  if (split.labels.length !== split.count || split.images.length !== split.count * IMAGE_SIZE) {
    throw new DatasetError(path, `the ${name} split's arrays do not match its count ${split.count}`, 'this is a bug in Loss Lab; please report it');
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
