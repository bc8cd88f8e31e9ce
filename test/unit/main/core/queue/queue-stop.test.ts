/** Ctrl-C on a lab whose run trains on a queue: the worker stops it as a local stop would, or it never starts. */
import { describe, expect, it } from 'vitest';
import { createLab } from '@core/lab/create-lab';
import { lab, SLOW_TEST_MS, startLab, tempDir } from '@support/cli';
import { queueTestBed, runRows, startWorker, until } from '@support/queue';

const { workers, startRedis } = queueTestBed();

const trainArgs = (url: string): string[] => ['train', '--dataset', 'mnist-embedded', '--epochs', '20', '--queue', url, '--json'];

describe('stopping a run that trains on a queue', () => {
  it(
    'Ctrl-C stops it on its worker, which reports it stopped with its weights (exit 130)',
    async () => {
      const redis = await startRedis();
      const worker = await startWorker(redis.url, tempDir('loss-lab-worker-'));
      workers.push(worker);
      const owner = tempDir('loss-lab-owner-');
      const train = startLab(trainArgs(redis.url), owner);
      await until(() => (runRows(owner)[0]?.epochs_done ?? 0) >= 1, 120_000, 'the first epoch');
      train.child.kill('SIGINT');
      const end = await train.exited;
      expect(end.code, end.stderr).toBe(130);
      expect(end.lines.at(-1)).toMatchObject({ type: 'evaluation', status: 'stopped' });
      expect(runRows(owner)[0].status).toBe('stopped');
      expect(runRows(owner)[0].epochs_done).toBeLessThan(20);
      await worker.waitFor(/run 1 stopped in/);
      expect(JSON.parse(lab(['runs', 'show', '1', '--json'], owner).stdout)).toMatchObject({
        status: 'stopped',
        hasModel: true,
        worker: { version: expect.any(String) },
      });

      // Re-queued, it trains again: the earlier stop request does not stop the new dispatch.
      const again = await createLab({ dataDir: owner, host: 'cli', resumeQueued: false, queueUrl: redis.url });
      try {
        expect(await again.handle('runs:requeue', { runId: 1 })).toMatchObject({ ok: true });
        const ended = (status: string): boolean => status !== 'queued' && status !== 'running';
        await until(() => runRows(owner).some((r) => r.epochs_done >= 2 || ended(r.status)), 120_000, 'two epochs of the re-queued run, or its end');
        expect(runRows(owner)[0].status).toBe('running');
        expect(runRows(owner)[0].epochs_done).toBeGreaterThanOrEqual(2);
      } finally {
        await again.close();
      }
    },
    SLOW_TEST_MS,
  );

  it(
    'Ctrl-C before any worker took it removes it from the queue',
    async () => {
      const redis = await startRedis();
      const owner = tempDir('loss-lab-owner-');
      const train = startLab(trainArgs(redis.url), owner);
      await until(() => runRows(owner)[0]?.status === 'running', 120_000, 'the dispatch');
      await new Promise((resolve) => setTimeout(resolve, 500));
      train.child.kill('SIGINT');
      const end = await train.exited;
      expect(end.code, end.stderr).toBe(130);
      expect(runRows(owner)[0]).toMatchObject({ status: 'stopped', epochs_done: 0 });

      // A worker that starts afterwards finds nothing to train.
      const worker = await startWorker(redis.url, tempDir('loss-lab-worker-'));
      workers.push(worker);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(worker.output()).not.toMatch(/started/);
    },
    SLOW_TEST_MS,
  );
});
