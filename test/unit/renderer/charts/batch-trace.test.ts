import { describe, expect, it } from 'vitest';
import { appendBatch, batchX } from '@renderer/charts/batch-trace';
import type { CurvePoint } from '@renderer/charts/curve-view';
import type { BatchProgress } from '@shared/run-types';

const progress = (epoch: number, batch: number, loss = 0.5): BatchProgress => ({
  runId: 1,
  epoch,
  batch,
  batchesPerEpoch: 100,
  loss,
  samplesPerSecond: 1000,
  etaSeconds: 5,
});

describe('batch trace', () => {
  it('places a batch between its epoch’s start and end', () => {
    expect(batchX(progress(1, 50))).toBe(0.5);
    expect(batchX(progress(3, 100))).toBe(3);
  });

  it('ignores repeated or late events and keeps a diverged loss as a gap', () => {
    const trace: CurvePoint[] = [];
    appendBatch(trace, progress(1, 10));
    appendBatch(trace, progress(1, 10));
    appendBatch(trace, progress(1, 5));
    appendBatch(trace, progress(1, 20, Number.NaN));
    expect(trace).toEqual([
      [0.1, 0.5],
      [0.2, null],
    ]);
  });

  it('halves the trace past its cap, keeping the first and the newest point', () => {
    const trace: CurvePoint[] = [];
    for (let b = 1; b <= 11; b++) appendBatch(trace, progress(1, b), 10);
    expect(trace.length).toBeLessThanOrEqual(10);
    expect(trace[0][0]).toBe(0.01);
    expect(trace[trace.length - 1][0]).toBe(0.11);
  });
});
