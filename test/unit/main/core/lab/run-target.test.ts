/** "Run on: this machine / queue": the lab sends runs started after a switch to the chosen target (real redis-server). */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { jobIdOf, QUEUE_NAME } from '@core/queue/job-payload';
import { labIdOf } from '@core/queue/lab-id';
import { redisOptions } from '@core/queue/redis-connection';
import { parseQueueUrl } from '@core/queue/redis-url';
import { fileSecretStore } from '@core/queue/secret-store';
import { findPreset } from '@shared/presets';
import type { RunTargetState } from '@shared/run-target';
import type { RunDetail, RunSummary } from '@shared/run-types';
import { startTestRedis, type TestRedis } from '@support/redis-server';
import { call, finished } from '@support/lab-calls';

const config = { ...findPreset('example-3')!.config, epochs: 1 };

describe('the lab\'s "Run on" choice', () => {
  let redis: TestRedis;
  let dataDir: string;
  let lab: Lab;
  let queue: Queue;
  const open = () => createLab({ dataDir, host: 'browser', workers: 1, runTargetSecrets: fileSecretStore(join(dataDir, 'secrets.json')) });
  beforeAll(async () => {
    redis = await startTestRedis();
    dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-run-target-'));
    lab = await open();
    queue = new Queue(QUEUE_NAME, { connection: redisOptions(parseQueueUrl(redis.url)) });
  });
  afterAll(async () => {
    await lab.close();
    await queue.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an unreachable queue, naming it redacted, and keeps this machine', async () => {
    const url = `redis://:wrong-pw-123@127.0.0.1:${redis.port + 1}`;
    const result = await lab.handle('runTarget:set', { target: 'queue', url });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toContain(`cannot reach the queue at redis://:***@127.0.0.1:${redis.port + 1}`);
      expect(result.error.message).not.toContain('wrong-pw-123');
    }
    expect(await call<RunTargetState>(lab, 'runTarget:get')).toEqual({ target: 'local', url: null, error: null });
  }, 20_000);

  it("sends the next run's job to Redis, then trains here again after switching back", async () => {
    const chosen = await call<RunTargetState>(lab, 'runTarget:set', { target: 'queue', url: redis.url });
    expect(chosen).toEqual({ target: 'queue', url: `redis://:***@127.0.0.1:${redis.port}`, error: null });
    const saved = readdirSync(dataDir)
      .filter((f) => f !== 'secrets.json' && f.endsWith('.json'))
      .map((f) => readFileSync(join(dataDir, f), 'utf8'));
    expect(saved.join('')).not.toContain(redis.password);

    const queued = await call<RunSummary>(lab, 'runs:start', { config, datasetId: 'mnist-embedded' });
    const labId = labIdOf(dataDir);
    await expect.poll(async () => (await queue.getJob(jobIdOf(labId, queued.id)))?.data.runId, { timeout: 10_000 }).toBe(queued.id);

    expect(await call<RunTargetState>(lab, 'runTarget:set', { target: 'local' })).toMatchObject({
      target: 'local',
      url: `redis://:***@127.0.0.1:${redis.port}`,
    });
    const here = await call<RunSummary>(lab, 'runs:start', { config, datasetId: 'mnist-embedded' });
    const done = finished(lab, here.id);
    expect(await done).toBe('completed');
    expect(await queue.getJob(jobIdOf(labId, here.id))).toBeUndefined();
    expect((await call<RunDetail>(lab, 'runs:get', { runId: here.id })).worker).toBeUndefined();
    // The run already on the queue stays there, waiting for a worker.
    expect((await call<RunDetail>(lab, 'runs:get', { runId: queued.id })).status).toBe('running');
    expect(await (await queue.getJob(jobIdOf(labId, queued.id)))?.getState()).toBe('waiting');
  }, 120_000);

  it('remembers the queue across a restart, showing it redacted', async () => {
    await call(lab, 'runTarget:set', { target: 'queue', url: `redis://:***@127.0.0.1:${redis.port}` });
    await lab.close();
    lab = await open();
    expect(await call<RunTargetState>(lab, 'runTarget:get')).toEqual({ target: 'queue', url: `redis://:***@127.0.0.1:${redis.port}`, error: null });
  }, 30_000);
});
