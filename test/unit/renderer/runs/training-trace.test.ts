import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { epoch, runSummary } from '@support/renderer/fixtures';
import { PRESETS } from '@shared/presets';
import { useTrainingStore } from '@renderer/runs/training-store';
import type { RunDetail } from '@shared/run-types';

const request = { config: PRESETS[0].config, datasetId: 'mnist-embedded' };
const batch = (b: number, loss: number) => ({ runId: 7, epoch: 1, batch: b, batchesPerEpoch: 100, loss, samplesPerSecond: 9000, etaSeconds: 12 });

describe('useTrainingStore: the live batch-level loss and the result', () => {
  it('plots batch losses during the first epoch, redrawing at most every 250 ms, and all of them at the epoch’s end', async () => {
    lab.current.on('runs:start', () => runSummary(7, { status: 'running', epochsPlanned: 2, epochsDone: 0 }));
    const training = useTrainingStore();
    await training.start(request);
    expect(training.batches).toEqual([]);

    lab.current.emit('runs:batch', batch(10, 2.1));
    expect(training.batches).toEqual([[0.1, 2.1]]); // the first one draws at once
    lab.current.emit('runs:batch', batch(20, 1.5));
    lab.current.emit('runs:batch', batch(30, 1.2));
    expect(training.batches).toHaveLength(1); // throttled

    lab.current.emit('runs:epoch', { runId: 7, metrics: epoch(1) });
    expect(training.batches).toEqual([
      [0.1, 2.1],
      [0.2, 1.5],
      [0.3, 1.2],
    ]);
  });

  it('fetches the ended run’s evaluation for the result, once', async () => {
    lab.current.on('runs:start', () => runSummary(7, { status: 'running' }));
    let fetched = 0;
    lab.current.on('runs:get', () => {
      fetched++;
      const detail: RunDetail = {
        ...runSummary(7, { status: 'completed' }),
        config: PRESETS[0].config,
        epochs: [epoch(1)],
        evaluation: { testLoss: 0.31, testAccuracy: 0.912, testSize: 2000, confusion: [], perClass: [], misclassified: [], misclassifiedCount: 0 },
        error: null,
        hasModel: true,
      };
      return detail;
    });
    const training = useTrainingStore();
    await training.start(request);
    lab.current.emit('runs:status', { runId: 7, status: 'completed', summary: runSummary(7, { status: 'completed' }) });
    lab.current.emit('runs:status', { runId: 7, status: 'completed', summary: runSummary(7, { status: 'completed' }) });
    await new Promise((r) => setTimeout(r, 0));
    expect(fetched).toBe(1);
    expect(training.result?.evaluation?.testLoss).toBe(0.31);
  });
});
