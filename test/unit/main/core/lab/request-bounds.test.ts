/** What one request may ask of the lab is bounded: study size, runs per list page. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STUDY_RUNS, RUNS_PAGE_MAX } from '@shared/contract';
import { findPreset } from '@shared/presets';
import type { RunSummary } from '@shared/run-types';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { openStore } from '@core/store';

const base = findPreset('example-3')!.config;
let dataDir: string;
let lab: Lab;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-bounds-'));
  // Runs are created straight in the store, before the lab opens, so nothing trains.
  const store = openStore(join(dataDir, 'loss-lab.db'));
  for (let i = 1; i <= 5; i++) {
    const run = store.createRun({ name: `run ${i}`, presetId: null, studyId: null, datasetId: 'mnist-embedded', config: { ...base, seed: i } });
    store.finishRun(run.id, { status: 'stopped', evaluation: null, model: null, error: null });
  }
  store.close();
  lab = await createLab({ dataDir, host: 'cli', workers: 1, resumeQueued: false });
});
afterAll(async () => {
  await lab.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('studies:create', () => {
  it(`refuses a study of more than ${MAX_STUDY_RUNS} runs with the count and what to change, creating nothing`, async () => {
    const levels = [0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005];
    const result = await lab.handle('studies:create', {
      name: 'huge',
      datasetId: 'mnist-embedded',
      base,
      factors: [
        { field: 'learningRate', levels },
        { field: 'batchSize', levels: [8, 16, 32, 64, 128, 256, 512, 1024] },
        { field: 'hiddenActivation', levels: ['relu', 'tanh', 'sigmoid'] },
        { field: 'optimizer', levels: ['adam', 'sgd'] },
      ],
      seeds: 20,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/would create \d+ runs \(\d+ configurations × 20 seeds\); a study holds at most 500/);
    expect(await lab.handle('studies:list', undefined)).toEqual({ ok: true, value: [] });
  });
});

describe('runs:list', () => {
  it('answers pages of the newest-first list', async () => {
    const page = await lab.handle('runs:list', { offset: 1, limit: 2 });
    expect(page.ok && (page.value as RunSummary[]).map((r) => r.name)).toEqual(['run 4', 'run 3']);
    const all = await lab.handle('runs:list', undefined);
    expect(all.ok && (all.value as RunSummary[]).length).toBe(5);
  });

  it(`refuses a page of more than ${RUNS_PAGE_MAX} runs`, async () => {
    const result = await lab.handle('runs:list', { limit: RUNS_PAGE_MAX + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', message: `limit: at most ${RUNS_PAGE_MAX} runs a page` } });
  });
});
