/** An imported dataset travels to a worker that lacks it, through the queue, checked by content hash. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '@core/datasets/cache';
import { contentHash } from '@core/datasets/same-content';
import { lab, removeTempDirs, SLOW_TEST_MS, startLab, tempDir } from '@support/cli';
import { queueTestBed, runRows, startWorker, until } from '@support/queue';
import { connectRedis } from '@core/queue/redis-connection';
import { parseQueueUrl } from '@core/queue/redis-url';

const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
const { workers, startRedis } = queueTestBed({ keepTempDirs: true });
afterAll(removeTempDirs);

describe('an imported dataset on a queue', () => {
  it.skipIf(!existsSync(FASHION_DIR))(
    'reaches a worker that lacks it and is verified there by hash',
    async () => {
      const redis = await startRedis();
      const owner = tempDir('loss-lab-owner-');
      const imported = lab(['datasets', 'import', FASHION_DIR, '--json'], owner);
      expect(imported.status, imported.stderr).toBe(0);
      const workerDir = tempDir('loss-lab-worker-');
      workers.push(await startWorker(redis.url, workerDir));

      const trained = lab(['train', '--dataset', 'fashion-mnist', '--train-size', '1000', '--epochs', '1', '--queue', redis.url], owner);
      expect(trained.status, trained.stderr).toBe(0);
      expect(trained.stdout).toMatch(/run 1 completed on wasm backend: test accuracy/);
      expect(runRows(owner)[0]).toMatchObject({ status: 'completed', epochs_done: 1, worker_host: expect.any(String) });

      // The worker's registry never had it: its copy came from the queue and holds the owner's images.
      const listed = lab(['datasets', 'list', '--json'], workerDir);
      expect(listed.stdout).not.toContain('fashion');
      const downloads = join(workerDir, 'datasets', 'from-queue');
      const [file] = readdirSync(downloads);
      const ownerHash = contentHash(
        readDatasetCache(
          join(
            owner,
            'datasets',
            readdirSync(join(owner, 'datasets')).find((f) => f.startsWith('fashion'))!,
          ),
        ),
      );
      expect(file).toBe(`${ownerHash}.bin`);
      expect(contentHash(readDatasetCache(join(downloads, file)))).toBe(ownerHash);
    },
    SLOW_TEST_MS,
  );

  it.skipIf(!existsSync(FASHION_DIR))(
    'a dataset gone from the queue fails the run after 3 attempts, saying why',
    async () => {
      const redis = await startRedis();
      const owner = tempDir('loss-lab-owner-');
      expect(lab(['datasets', 'import', FASHION_DIR], owner).status).toBe(0);
      const train = startLab(['train', '--dataset', 'fashion-mnist', '--train-size', '1000', '--epochs', '1', '--queue', redis.url, '--json'], owner);
      await until(() => runRows(owner)[0]?.status === 'running', 120_000, 'the dispatch');
      const client = connectRedis(parseQueueUrl(redis.url));
      // The upload's index key is written after its chunks; no worker has taken the job yet.
      let keys: string[] = [];
      for (let i = 0; i < 600 && !keys.some((k) => /^loss-lab:dataset:[0-9a-f]{64}$/.test(k)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        keys = await client.keys('loss-lab:dataset:*');
      }
      expect(keys.length).toBeGreaterThan(1);
      await client.del(...keys);
      client.disconnect();
      workers.push(await startWorker(redis.url, tempDir('loss-lab-worker-')));

      const end = await train.exited;
      expect(end.code).toBe(1);
      expect(end.lines.at(-1)).toMatchObject({
        type: 'evaluation',
        status: 'failed',
        error: expect.stringMatching(/neither on this worker nor on the queue.*\(after 3 attempts\)/),
      });
    },
    SLOW_TEST_MS,
  );
});
