import { describe, expect, it } from 'vitest';
import { backendsUsed } from '@core/studies/report/backend-note';
import type { RunSummary } from '@shared/run-types';

const run = (id: number, backend: RunSummary['backend']): RunSummary => ({
  id,
  backend,
  backendReason: null,
  name: `run ${id}`,
  presetId: null,
  studyId: 1,
  datasetId: 'mnist-embedded',
  status: backend === null ? 'queued' : 'completed',
  loss: 'categoricalCrossentropy',
  hiddenActivation: 'relu',
  outputActivation: 'softmax',
  seed: id,
  epochsPlanned: 1,
  epochsDone: backend === null ? 0 : 1,
  finalTestAccuracy: null,
  lastValAccuracy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  durationSeconds: null,
  notes: '',
});

describe('backendsUsed', () => {
  it('is silent when all started runs used one backend', () => {
    expect(backendsUsed([run(1, 'wasm'), run(2, 'wasm'), run(3, null)])).toBeNull();
  });

  it('says which runs used which backend when they differ', () => {
    expect(backendsUsed([run(4, 'tensorflow'), run(1, 'wasm'), run(2, 'wasm'), run(3, 'wasm'), run(5, 'wasm')])).toBe('wasm: runs 1–3, 5; tensorflow: run 4');
  });
});
