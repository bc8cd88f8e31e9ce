import { describe, expect, it } from 'vitest';
import { epochAccuracy, firstReaching } from '@core/studies/stats/group-runs';
import type { EpochMetrics } from '@shared/run-types';

const epoch = (n: number, test: number | null, val: number | null): EpochMetrics => ({
  epoch: n,
  trainLoss: 0.5,
  trainAccuracy: 0.8,
  valLoss: null,
  valAccuracy: val,
  testLoss: null,
  testAccuracy: test,
  seconds: 2,
  samplesPerSecond: 1000,
  layers: [],
});

describe('the accuracy studies judge convergence on', () => {
  it('is the per-epoch test accuracy (the article has no validation split), validation only for old runs', () => {
    expect(epochAccuracy(epoch(1, 0.91, 0.5))).toEqual({ value: 0.91, source: 'test' });
    expect(epochAccuracy(epoch(1, null, 0.88))).toEqual({ value: 0.88, source: 'validation' });
    expect(epochAccuracy(epoch(1, null, null))).toBeNull();
  });

  it('epochs to 90% follow the test accuracy, not a lagging validation accuracy', () => {
    expect(firstReaching([epoch(1, 0.92, 0.85), epoch(2, 0.95, 0.93)], 0.9)).toEqual({ epoch: 1, seconds: 2 });
    expect(firstReaching([epoch(1, null, 0.85), epoch(2, null, 0.93)], 0.9)).toEqual({ epoch: 2, seconds: 4 });
  });
});
