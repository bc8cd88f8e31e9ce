import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDatasetCache } from '@core/datasets/cache';
import { defaultWorkerUrl, startTrainingWorker } from '@core/training/thread/start-training';
import { createWorkerPool } from '@core/training/thread/worker-pool';
import { recorder, smallConfig, syntheticDataset, withoutTiming } from '@support/training';

const dir = mkdtempSync(join(tmpdir(), 'loss-lab-training-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startTrainingWorker', () => {
  it('finds the worker source beside this module when running from .ts', () => {
    expect(defaultWorkerUrl().pathname).toMatch(/src\/main\/core\/training\/thread\/training-worker\.ts$/);
    expect(defaultWorkerUrl('file:///app/out/main/index.js').pathname).toBe('/app/out/main/training-worker.js');
  });

  it('trains a run in a worker thread and relays progress and the outcome', async () => {
    const path = join(dir, 'synthetic.llds');
    writeDatasetCache(path, syntheticDataset());
    const calls = recorder(7);
    const handle = startTrainingWorker({ runId: 7, config: smallConfig({ epochs: 2 }), datasetCachePath: path, preferredBackend: 'wasm' }, calls);
    const outcome = await handle.done;
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('completed');
    expect(outcome.backend).toBe('wasm');
    expect(calls.backends).toEqual(['wasm']);
    expect(calls.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(calls.batches.every((b) => b.runId === 7)).toBe(true);
    expect(outcome.evaluation?.testSize).toBe(200);
    expect(outcome.model?.weightData).toBeInstanceOf(Uint8Array);
  });

  it('stops through the shared flag, and reports a missing cache file as failed', async () => {
    const path = join(dir, 'synthetic-stop.llds');
    writeDatasetCache(path, syntheticDataset(4000, 200));
    const calls = recorder();
    const handle = startTrainingWorker(
      { runId: 1, config: smallConfig({ epochs: 50, batchSize: 8 }), datasetCachePath: path },
      {
        ...calls,
        onStarted: () => handle.stop(),
      },
    );
    const outcome = await handle.done;
    expect(outcome.status).toBe('stopped');
    expect(outcome.model).not.toBeNull();
    expect(calls.epochs.length).toBeLessThan(50);

    const missing = await startTrainingWorker({ runId: 2, config: smallConfig(), datasetCachePath: join(dir, 'nope.llds') }, recorder()).done;
    expect(missing.status).toBe('failed');
    expect(missing.error).toContain('nope.llds');
  });

  it('reuses an idle worker for the next run, with the same results as a fresh one', async () => {
    const path = join(dir, 'synthetic-reuse.llds');
    writeDatasetCache(path, syntheticDataset());
    const pool = createWorkerPool(defaultWorkerUrl());
    const job = { runId: 3, config: smallConfig({ epochs: 2 }), datasetCachePath: path, preferredBackend: 'wasm' as const };
    const first = recorder(3);
    expect((await startTrainingWorker(job, first, { pool }).done).status).toBe('completed');
    expect(pool.idleCount()).toBe(1);
    const second = recorder(3);
    const handle = startTrainingWorker(job, second, { pool });
    expect(pool.idleCount()).toBe(0);
    expect((await handle.done).status).toBe('completed');
    expect(withoutTiming(second.epochs)).toEqual(withoutTiming(first.epochs));
    expect(pool.idleCount()).toBe(1);
    await pool.close();
    expect(pool.idleCount()).toBe(0);
  });
});
