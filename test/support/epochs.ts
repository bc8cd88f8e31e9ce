/** An epoch's metrics for queue tests: only the epoch number and training loss matter to them. */
import type { EpochMetrics } from '../../src/shared/run-types';

export const epoch = (n: number, trainLoss = 1 / n): EpochMetrics => ({
  epoch: n,
  trainLoss,
  trainAccuracy: 0.5,
  valLoss: null,
  valAccuracy: null,
  testLoss: 0.4,
  testAccuracy: 0.9,
  seconds: 1,
  samplesPerSecond: 1000,
  layers: [],
});
