/**
 * Studies through a real redis-server and real `lab worker` processes: the same results as local runs, a
 * worker killed mid-run, Redis stopped mid-study.
 */
import { describe, expect, it } from 'vitest';
import { lab, SLOW_TEST_MS, startLab, tempDir } from '@support/cli';
import { epochRows, queueTestBed, runRows, startWorker, until, type WorkerProcess, writeStudyFile } from '@support/queue';

const { workers, startRedis } = queueTestBed();

async function twoWorkers(url: string): Promise<WorkerProcess[]> {
  const started = await Promise.all([startWorker(url, tempDir('loss-lab-worker-a-')), startWorker(url, tempDir('loss-lab-worker-b-'))]);
  workers.push(...started);
  return started;
}

/** Each run's identity (learning rate, seed) → its stored metrics. */
function metricsByConfig(dataDir: string): Map<string, unknown> {
  const epochs = epochRows(dataDir);
  return new Map(runRows(dataDir).map((r) => [`${r.learning_rate}/${r.seed}`, { status: r.status, backend: r.backend, epochs: epochs.get(r.id) }]));
}

describe('studies on a queue', () => {
  it(
    '6 runs on 2 worker processes end with the metrics of the same study run here',
    async () => {
      const redis = await startRedis();
      const [a, b] = await twoWorkers(redis.url);
      const study = writeStudyFile(tempDir(), { trainSize: 1000, epochs: 2, seeds: 2 });
      const owner = tempDir('loss-lab-owner-');
      const queued = startLab(['study', 'run', '--config', study, '--queue', redis.url, '--json'], owner);
      const local = tempDir('loss-lab-local-');
      const here = startLab(['study', 'run', '--config', study, '--workers', '1', '--json'], local);
      const [remote, mine] = await Promise.all([queued.exited, here.exited]);
      expect(remote.code, remote.stderr).toBe(0);
      expect(mine.code, mine.stderr).toBe(0);

      const rows = runRows(owner);
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.status === 'completed' && r.worker_host !== null)).toBe(true);
      const lines = (w: WorkerProcess): number => (w.output().match(/run \d+ completed/g) ?? []).length;
      expect(lines(a) + lines(b)).toBe(6);
      expect(lines(a)).toBeGreaterThan(0);
      expect(lines(b)).toBeGreaterThan(0);
      const remoteMetrics = metricsByConfig(owner);
      expect(remoteMetrics).toEqual(metricsByConfig(local));
      expect([...remoteMetrics.values()].every((m) => (m as { backend: string }).backend === 'wasm')).toBe(true);
      expect(remote.stderr).not.toContain(redis.password);
      expect(remote.stderr.match(/run \d+ training on \S+ \(wasm\)/g)).toHaveLength(6); // a line per run and host
    },
    SLOW_TEST_MS,
  );

  it(
    'a worker killed (kill -9) mid-run: another trains the run again and the study completes, each run once',
    async () => {
      const redis = await startRedis();
      const [a] = await twoWorkers(redis.url);
      const study = writeStudyFile(tempDir(), { trainSize: 8000, epochs: 3, seeds: 2 });
      const owner = tempDir('loss-lab-owner-');
      const queued = startLab(['study', 'run', '--config', study, '--queue', redis.url, '--json'], owner);
      const [, victim] = await a.waitFor(/run (\d+) of lab \S+ started/);
      const runId = Number(victim);
      // Killed once the run has an epoch stored, so the retry must drop it before storing its own.
      await until(() => runRows(owner).some((r) => r.id === runId && r.status === 'running' && r.epochs_done >= 1), 120_000, `run ${runId}'s first epoch`);
      a.child.kill('SIGKILL');

      const end = await queued.exited;
      expect(end.code, end.stderr).toBe(0);
      expect(end.stderr).toMatch(new RegExp(`run ${runId}: its worker stopped answering`));
      const rows = runRows(owner);
      expect(rows.map((r) => [r.status, r.epochs_done])).toEqual(Array(6).fill(['completed', 3]));
      for (const epochs of epochRows(owner).values()) expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    },
    SLOW_TEST_MS,
  );

  it(
    'Redis stopped mid-study (restarted empty): a clear error, nothing given up meanwhile, and after it is back no run is lost or doubled',
    async () => {
      const redis = await startRedis();
      const server = redis;
      await twoWorkers(server.url);
      const study = writeStudyFile(tempDir(), { trainSize: 4000, epochs: 2, seeds: 2 });
      const owner = tempDir('loss-lab-owner-');
      const queued = startLab(['study', 'run', '--config', study, '--queue', server.url, '--json'], owner);
      let stderr = '';
      queued.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await until(() => runRows(owner).some((r) => r.status === 'completed'), 120_000, 'a completed run');
      await server.stop();
      await until(() => /the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/? is unreachable/.test(stderr), 30_000, 'the unreachable message');
      // Nothing is given up while the queue is down: no run fails, none is started or finished.
      const duringOutage = runRows(owner).map((r) => [r.id, r.status]);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(runRows(owner).map((r) => [r.id, r.status])).toEqual(duringOutage);
      expect(duringOutage.some(([, status]) => status === 'failed')).toBe(false);
      await server.start();

      const end = await queued.exited;
      expect(end.code, end.stderr).toBe(0);
      expect(end.stderr).toContain('is back');
      expect(end.stderr).toMatch(/run \d+: its job was lost while the queue was down; dispatching it again/);
      expect(end.stderr).not.toContain(server.password);
      const rows = runRows(owner);
      expect(rows.map((r) => [r.status, r.epochs_done])).toEqual(Array(6).fill(['completed', 2]));
      for (const epochs of epochRows(owner).values()) expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    },
    SLOW_TEST_MS,
  );

  it(
    'an owner killed (kill -9) mid-study: resumed, it picks up what the workers did meanwhile and trains nothing twice',
    async () => {
      const redis = await startRedis();
      const a = await startWorker(redis.url, tempDir('loss-lab-worker-a-')); // one worker: the queue holds waiting jobs
      workers.push(a);
      const study = writeStudyFile(tempDir(), { trainSize: 2000, epochs: 2, seeds: 2 });
      const owner = tempDir('loss-lab-owner-');
      const queued = startLab(['study', 'run', '--config', study, '--queue', redis.url, '--json'], owner);
      await until(() => runRows(owner).some((r) => r.status === 'completed'), 120_000, 'a completed run');
      queued.child.kill('SIGKILL');
      await queued.exited;
      await a.waitFor(/(run \d+ completed[^]*){3}/); // the worker went on with the queue meanwhile

      const resumed = lab(['study', 'resume', '1', '--queue', redis.url], owner);
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(runRows(owner).map((r) => [r.status, r.epochs_done])).toEqual(Array(6).fill(['completed', 2]));
      for (const epochs of epochRows(owner).values()) expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
      // spawnSync held this process's event loop: read the worker's lines now, and any late duplicate.
      await a.waitFor(/(run \d+ completed[^]*){6}/);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const trained = [...a.output().matchAll(/run (\d+) completed/g)].map((m) => Number(m[1]));
      expect(trained.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    },
    SLOW_TEST_MS,
  );
});
