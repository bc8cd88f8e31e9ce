/** `lab worker` and Ctrl-C: the first finishes the active run, a second hands it back to the queue. */
import { describe, expect, it } from 'vitest';
import { SLOW_TEST_MS, startLab, tempDir } from '@support/cli';
import { epochRows, queueTestBed, runRows, startWorker, until, type WorkerProcess } from '@support/queue';

const { workers, startRedis } = queueTestBed();

const exitOf = (w: WorkerProcess): Promise<number | null> => new Promise((resolve) => w.child.once('close', (code) => resolve(code)));
const trainArgs = (url: string): string[] => ['train', '--dataset', 'mnist-embedded', '--epochs', '3', '--queue', url, '--json'];

describe('lab worker and Ctrl-C', () => {
  it(
    'a first Ctrl-C finishes the active run, then the worker exits 0',
    async () => {
      const redis = await startRedis();
      const a = await startWorker(redis.url, tempDir('loss-lab-worker-a-'));
      workers.push(a);
      const owner = tempDir('loss-lab-owner-');
      const train = startLab(trainArgs(redis.url), owner);
      await a.waitFor(/run 1 of lab \S+ started/);
      const exited = exitOf(a);
      a.child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(a.output()).toMatch(/finishing the active runs[^]*run 1 completed/);
      const end = await train.exited;
      expect(end.code, end.stderr).toBe(0);
      expect(runRows(owner)[0]).toMatchObject({ status: 'completed', epochs_done: 3 });
    },
    SLOW_TEST_MS,
  );

  it(
    'a second Ctrl-C hands the run back; another worker trains it from the start',
    async () => {
      const redis = await startRedis();
      const a = await startWorker(redis.url, tempDir('loss-lab-worker-a-'));
      workers.push(a);
      const owner = tempDir('loss-lab-owner-');
      const train = startLab(trainArgs(redis.url), owner);
      await a.waitFor(/run 1 of lab \S+ started/);
      await until(() => (runRows(owner)[0]?.epochs_done ?? 0) >= 1, 120_000, 'the first epoch');
      const exited = exitOf(a);
      a.child.kill('SIGINT');
      await a.waitFor(/finishing the active runs/);
      a.child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(a.output()).toMatch(/run 1 handed back to the queue/);

      const b = await startWorker(redis.url, tempDir('loss-lab-worker-b-'));
      workers.push(b);
      const end = await train.exited;
      expect(end.code, end.stderr).toBe(0);
      expect(b.output()).toMatch(/run 1 completed/);
      expect(runRows(owner)[0]).toMatchObject({ status: 'completed', epochs_done: 3 });
      expect(
        epochRows(owner)
          .get(1)
          ?.map((e) => e.epoch),
      ).toEqual([1, 2, 3]);
    },
    SLOW_TEST_MS,
  );
});
