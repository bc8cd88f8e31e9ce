import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '@core/datasets/cache';
import { contentHash } from '@core/datasets/same-content';
import { CHUNK_BYTES, fetchDataset, uploadDataset } from '@core/queue/dataset-transfer';
import { connectRedis } from '@core/queue/redis-connection';
import { parseQueueUrl } from '@core/queue/redis-url';
import { startTestRedis, type TestRedis } from '@support/redis-server';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

let server: TestRedis;
let redis: Redis;
let fixture: RegistryFixture;
let cachePath: string;
let hash: string;
const dirs: string[] = [];
const workerDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'loss-lab-transfer-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  server = await startTestRedis();
  redis = connectRedis(parseQueueUrl(server.url));
  fixture = await openRegistryFixture('loss-lab-transfer-owner-');
  cachePath = fixture.registry.cachePath('mnist-embedded');
  hash = contentHash(fixture.registry.load('mnist-embedded'));
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
  fixture.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('dataset transfer through Redis', () => {
  it('uploads a cache file in chunks once and a worker gets a verified copy', async () => {
    expect(statSync(cachePath).size).toBeGreaterThan(CHUNK_BYTES); // more than one chunk travels
    await uploadDataset(redis, hash, cachePath);
    const chunks = Number(await redis.hget(`loss-lab:dataset:${hash}`, 'chunks'));
    expect(chunks).toBe(Math.ceil(statSync(cachePath).size / CHUNK_BYTES));
    expect(await redis.ttl(`loss-lab:dataset:${hash}:0`)).toBeGreaterThan(0);
    const path = await fetchDataset(redis, hash, workerDir(), 'sample');
    expect(contentHash(readDatasetCache(path))).toBe(hash);
  });

  it('refuses a corrupted transfer and keeps nothing of it', async () => {
    await uploadDataset(redis, hash, cachePath);
    await redis.setrange(`loss-lab:dataset:${hash}:1`, 1000, 'corrupted');
    const dir = workerDir();
    await expect(fetchDataset(redis, hash, dir, 'sample')).rejects.toThrow(/arrived corrupted .*refused/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.bin'))).toEqual([]);
    await redis.del(`loss-lab:dataset:${hash}`); // the next upload starts afresh
  });

  it('refuses intact bytes of another dataset than the job names', async () => {
    const other = 'f'.repeat(64);
    await uploadDataset(redis, other, cachePath);
    const dir = workerDir();
    await expect(fetchDataset(redis, other, dir, 'imposter')).rejects.toThrow(/holds other images than the job names.*refused/);
    expect(existsSync(join(dir, `${other}.bin`))).toBe(false);
  });

  it('says when the dataset is neither on the worker nor on the queue', async () => {
    await expect(fetchDataset(redis, 'e'.repeat(64), workerDir(), 'gone')).rejects.toThrow(/neither on this worker nor on the queue/);
  });
});
