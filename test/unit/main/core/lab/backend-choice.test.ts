import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunDetail, RunSummary } from '@shared/run-types';
import { backendChoicesPath, readBackendChoice, shapeKey } from '@core/training/backend/backend-choices';
import { createLab } from '@core/lab/create-lab';
import { call, finished } from '@support/lab-calls';
import { NATIVE_OP_ERROR } from '@support/fake-backends';
import { smallConfig } from '@support/training';

const workerUrl = new URL('../../../../support/children/fake-native-worker.ts', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-backend-choice-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const config = smallConfig({ hiddenUnits: [24], batchSize: 50, epochs: 1 });

/** Trains `config` in a fresh lab (a restart each time) whose workers see a broken native backend. */
async function trainInFreshLab(): Promise<{ run: RunDetail; infoReason: string }> {
  const lab = await createLab({ dataDir, host: 'cli', workers: 1, workerUrl });
  try {
    const started = await call<RunSummary>(lab, 'runs:start', { config, datasetId: 'mnist-embedded' });
    const done = started.status === 'completed' ? 'completed' : await finished(lab, started.id);
    expect(done).toBe('completed');
    return {
      run: await call<RunDetail>(lab, 'runs:get', { runId: started.id }),
      infoReason: (await call<{ backendReason: string }>(lab, 'lab:info')).backendReason,
    };
  } finally {
    await lab.close();
  }
}

describe('a run on a machine whose native backend is broken', () => {
  it('trains on wasm and records why; after a restart the remembered choice is used', async () => {
    const first = await trainInFreshLab();
    expect(first.run.backend).toBe('wasm');
    expect(first.run.backendReason).toMatch(/^wasm: [\d.]+× faster than cpu here .*measured \d{4}-\d\d-\d\d/);
    expect(first.run.backendReason).toContain(`tensorflow failed its smoke step: TypeError: ${NATIVE_OP_ERROR}`);
    expect(first.infoReason).toMatch(/^wasm: /);
    expect(readBackendChoice(backendChoicesPath(dataDir), shapeKey(config))?.reason).toBe(first.run.backendReason);

    const second = await trainInFreshLab();
    expect(second.run.id).not.toBe(first.run.id);
    expect(second.run).toMatchObject({ backend: 'wasm', backendReason: first.run.backendReason });
    expect(existsSync(backendChoicesPath(dataDir))).toBe(true);
  });
});
