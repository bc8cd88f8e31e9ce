import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '@shared/presets';
import type { RunSummary } from '@shared/run-types';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { call, finished } from '@support/lab-calls';

const example3 = findPreset('example-3')!.config;

/** A stroke down the middle: what a person draws for "1". */
const verticalStroke = Array.from({ length: 784 }, (_, i) => (i % 28 >= 13 && i % 28 <= 15 && i > 28 * 4 && i < 28 * 24 ? 1 : 0));

describe('the lab behind every channel', () => {
  let dataDir: string;
  let lab: Lab;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-lab-'));
    lab = await createLab({ dataDir, host: 'cli', workers: 1 });
  });
  afterAll(async () => {
    await lab.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rejects a bad request with a typed error a person can act on', async () => {
    const bad = await lab.handle('runs:start', {
      config: { ...example3, loss: 'categoricalCrossentropy', outputActivation: 'tanh' },
      datasetId: 'mnist-embedded',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_request');
      expect(bad.error.message).toMatch(/log is undefined/);
    }
    const unknown = await lab.handle('runs:get', { runId: 999 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const noChannel = await lab.handle('runs:nope' as never, undefined);
    expect(noChannel).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('trains a run in a worker, streams its epochs, stores it, and predicts the same after reopening', async () => {
    const epochs: number[] = [];
    const off = lab.subscribe((event, payload) => {
      if (event === 'runs:epoch') epochs.push((payload as { metrics: { epoch: number } }).metrics.epoch);
    });
    const run = await call<RunSummary>(lab, 'runs:start', { config: { ...example3, epochs: 2 }, datasetId: 'mnist-embedded', presetId: 'example-3' });
    expect(['queued', 'running']).toContain(run.status);
    expect(await finished(lab, run.id)).toBe('completed');
    off();
    expect(epochs).toEqual([1, 2]);

    const list = await call<RunSummary[]>(lab, 'runs:list');
    expect(list.map((r) => r.id)).toContain(run.id);
    const before = await call<{ probabilities: number[]; predicted: number }>(lab, 'runs:predict', { runId: run.id, pixels: verticalStroke });
    expect(before.probabilities).toHaveLength(10);

    await lab.close();
    lab = await createLab({ dataDir, host: 'cli', workers: 1 });
    const detail = await call<{ status: string; epochs: unknown[]; evaluation: { testSize: number }; backend: string }>(lab, 'runs:get', { runId: run.id });
    expect(detail).toMatchObject({ status: 'completed', backend: lab.info().backend });
    expect(detail.epochs).toHaveLength(2);
    expect(detail.evaluation.testSize).toBe(2000);
    const after = await call<{ probabilities: number[]; predicted: number }>(lab, 'runs:predict', { runId: run.id, pixels: verticalStroke });
    expect(after.predicted).toBe(before.predicted);
    after.probabilities.forEach((p, i) => expect(p).toBeCloseTo(before.probabilities[i], 6));
  });

  it('refuses to delete a training run, then deletes it once stopped', async () => {
    const run = await call<RunSummary>(lab, 'runs:start', { config: { ...example3, epochs: 50 }, datasetId: 'mnist-embedded' });
    const done = finished(lab, run.id);
    await new Promise<void>((resolve) => {
      const off = lab.subscribe((event) => {
        if (event === 'runs:batch') {
          off();
          resolve();
        }
      });
    });
    expect(await lab.handle('runs:delete', { runId: run.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call(lab, 'runs:stop', { runId: run.id });
    expect(await done).toBe('stopped');
    expect(await call(lab, 'runs:delete', { runId: run.id })).toEqual({ deleted: 1 });
  });
});
