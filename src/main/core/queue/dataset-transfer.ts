/**
 * Imported datasets travel through Redis: the owner uploads a dataset's cache file once, in chunks, under keys
 * named by its content hash; a worker that lacks it downloads it, checks the bytes (SHA-256 of the file) and
 * the content (the hash of its images and labels) before it trains on it, and keeps it in its data directory.
 * The keys expire a week after the last upload, so a finished sweep leaves nothing behind for long.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { readDatasetCache } from '../datasets/cache';
import { CoreError } from '../errors';
import { contentHash } from '../datasets/same-content';
import { ensureDirectory } from '../files/ensure-directory';

/** Bytes of one chunk: small enough for Redis' 512 MB value limit and for one round trip to stay short. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Seconds the uploaded chunks live after the last upload (a week). */
export const DATASET_TTL_SECONDS = 7 * 24 * 3600;

const metaKey = (hash: string): string => `loss-lab:dataset:${hash}`;
const chunkKey = (hash: string, index: number): string => `loss-lab:dataset:${hash}:${index}`;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Uploads the cache file of the dataset whose content hash is `hash`, unless it is there already (then refreshes its expiry). */
export async function uploadDataset(redis: Redis, hash: string, cachePath: string): Promise<void> {
  const meta = metaKey(hash);
  const chunks = Number(await redis.hget(meta, 'chunks'));
  if (chunks > 0) {
    const refresh = redis.multi().expire(meta, DATASET_TTL_SECONDS);
    for (let i = 0; i < chunks; i++) refresh.expire(chunkKey(hash, i), DATASET_TTL_SECONDS);
    await refresh.exec();
    return;
  }
  const bytes = readFileSync(cachePath);
  const count = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
  for (let i = 0; i < count; i++) {
    await redis.set(chunkKey(hash, i), bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES), 'EX', DATASET_TTL_SECONDS);
  }
  // Written last: a worker sees the dataset only once every chunk is there.
  await redis
    .multi()
    .hset(meta, { chunks: count, bytes: bytes.length, sha256: sha256(bytes) })
    .expire(meta, DATASET_TTL_SECONDS)
    .exec();
}

/** A job's dataset that a worker cannot get or trust (missing on the queue, corrupted, another version's). */
export class DatasetTransferError extends CoreError {
  constructor(message: string) {
    super('dataset_error', message);
    this.name = 'DatasetTransferError';
  }
}

/**
 * The path of a verified local copy of the dataset with content `hash` in `dir` (`<hash>.bin`), downloading it
 * from Redis when missing. Throws DatasetTransferError when it is not on the queue or fails a check.
 */
export async function fetchDataset(redis: Redis, hash: string, dir: string, name: string): Promise<string> {
  const path = join(dir, `${hash}.bin`);
  if (existsSync(path)) return path; // verified before it was renamed into place
  const meta = await redis.hgetall(metaKey(hash));
  const chunks = Number(meta['chunks']);
  if (!(chunks > 0)) {
    throw new DatasetTransferError(
      `dataset "${name}" (${hash.slice(0, 12)}…) is neither on this worker nor on the queue (its upload expired?); dispatch the run again from its lab`,
    );
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < chunks; i++) {
    const part = await redis.getBuffer(chunkKey(hash, i));
    if (part === null) throw new DatasetTransferError(`dataset "${name}": chunk ${i + 1} of ${chunks} is missing on the queue`);
    parts.push(part);
  }
  const bytes = Buffer.concat(parts);
  if (bytes.length !== Number(meta['bytes']) || sha256(bytes) !== meta['sha256']) {
    throw new DatasetTransferError(`dataset "${name}" arrived corrupted (its SHA-256 does not match the upload's); refused`);
  }
  ensureDirectory(dir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  try {
    // The upload's own checksum only proves the transfer; the content must also be what the job names.
    let actual: string;
    try {
      actual = contentHash(readDatasetCache(temp));
    } catch (error) {
      throw new DatasetTransferError(`dataset "${name}" from the queue is unreadable (${error instanceof Error ? error.message : String(error)}); refused`);
    }
    if (actual !== hash)
      throw new DatasetTransferError(
        `dataset "${name}" from the queue holds other images than the job names (content hash ${actual.slice(0, 12)}…, expected ${hash.slice(0, 12)}…); refused`,
      );
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return path;
}
