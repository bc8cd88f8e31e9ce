/** An imported dataset travels to a worker that lacks it, through the queue, checked by content hash. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '../../../../src/main/core/datasets/cache';
import { contentHash } from '../../../../src/main/core/datasets/same-content';
import { startTestRedis, type TestRedis } from '../../core/queue/redis-server';
import { lab, removeTempDirs, SLOW_TEST_MS, tempDir } from './cli-harness';
import { runRows, startWorker, type WorkerProcess } from './queue-harness';

const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
let redis: TestRedis | null = null;
let worker: WorkerProcess | null = null;
afterAll(async () => {
  await worker?.end();
  await redis?.stop();
  removeTempDirs();
});

describe('an imported dataset on a queue', () => {
  it.skipIf(!existsSync(FASHION_DIR))('reaches a worker that lacks it and is verified there by hash', async () => {
    redis = await startTestRedis();
    const owner = tempDir('loss-lab-owner-');
    const imported = lab(['datasets', 'import', FASHION_DIR, '--json'], owner);
    expect(imported.status, imported.stderr).toBe(0);
    const workerDir = tempDir('loss-lab-worker-');
    worker = await startWorker(redis.url, workerDir);

    const trained = lab(['train', '--dataset', 'fashion-mnist', '--train-size', '1000', '--epochs', '1', '--queue', redis.url], owner);
    expect(trained.status, trained.stderr).toBe(0);
    expect(trained.stdout).toMatch(/run 1 completed on wasm backend: test accuracy/);
    expect(runRows(owner)[0]).toMatchObject({ status: 'completed', epochs_done: 1, worker_host: expect.any(String) });

    // The worker's registry never had it: its copy came from the queue and holds the owner's images.
    const listed = lab(['datasets', 'list', '--json'], workerDir);
    expect(listed.stdout).not.toContain('fashion');
    const downloads = join(workerDir, 'datasets', 'from-queue');
    const [file] = readdirSync(downloads);
    const ownerHash = contentHash(readDatasetCache(join(owner, 'datasets', readdirSync(join(owner, 'datasets')).find((f) => f.startsWith('fashion'))!)));
    expect(file).toBe(`${ownerHash}.bin`);
    expect(contentHash(readDatasetCache(join(downloads, file)))).toBe(ownerHash);
  }, SLOW_TEST_MS);
});
