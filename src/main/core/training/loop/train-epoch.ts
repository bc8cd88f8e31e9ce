/** One epoch of the hand-written training loop: seeded shuffle, each batch built from the rows' bytes. */
import * as tf from '@tensorflow/tfjs';
import { batchTensors, type TrainRows } from './train-batches';
import { trainStep, type StepContext } from './train-step';

/** Least milliseconds between two progress reports (at most ~4 a second, plus the last batch). */
export const PROGRESS_INTERVAL_MS = 250;
/** Batches between two loss reads when no progress is due: bounds the work wasted after a divergence. */
const CHECK_EVERY_BATCHES = 32;

export interface EpochHooks {
  shouldStop(): boolean;
  /** Throttled; `meanLoss` over the epoch so far, `elapsedSeconds` since the epoch began. */
  onProgress(batch: number, batchesPerEpoch: number, meanLoss: number, samplesDone: number, elapsedSeconds: number): void;
}

export type EpochResult =
  | { kind: 'completed'; meanLoss: number; accuracy: number; seconds: number }
  | { kind: 'stopped' }
  /** The loss became non-finite at or before `batch` and after `lastFiniteBatch` (0: none read yet). */
  | { kind: 'diverged'; batch: number; lastFiniteBatch: number };

/**
 * Trains on `data` once, in the order `order` (a permutation of 0..count−1). Loss and correct counts stay
 * in tensors and are read only when progress is due, every few batches, and at the end.
 */
export function trainEpoch(ctx: StepContext, data: TrainRows, order: Int32Array, batchSize: number, hooks: EpochHooks): EpochResult {
  const batches = Math.ceil(data.count / batchSize);
  const started = performance.now();
  let lastReport = started;
  let lastFiniteBatch = 0;
  let lossSum: tf.Scalar = tf.scalar(0);
  let correctSum: tf.Scalar = tf.scalar(0);
  try {
    for (let b = 1; b <= batches; b++) {
      if (hooks.shouldStop()) return { kind: 'stopped' };
      const start = (b - 1) * batchSize;
      const end = Math.min(start + batchSize, data.count);
      const [nextLoss, nextCorrect] = tf.tidy(() => {
        const batch = batchTensors(data, order, start, end);
        const step = trainStep(ctx, batch.x, batch.y, batch.labels);
        return [tf.add(lossSum, tf.mul(step.loss, end - start)), tf.add(correctSum, step.correct)] as [tf.Scalar, tf.Scalar];
      });
      tf.dispose([lossSum, correctSum]);
      lossSum = nextLoss;
      correctSum = nextCorrect;
      const now = performance.now();
      // The first batch is reported at once: an epoch can now take well under one interval.
      const due = b === 1 || b === batches || now - lastReport >= PROGRESS_INTERVAL_MS;
      if (!due && b % CHECK_EVERY_BATCHES !== 0) continue;
      const meanLoss = lossSum.dataSync()[0] / end;
      if (!Number.isFinite(meanLoss)) return { kind: 'diverged', batch: b, lastFiniteBatch };
      lastFiniteBatch = b;
      if (due) {
        lastReport = now;
        hooks.onProgress(b, batches, meanLoss, end, (now - started) / 1000);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return { kind: 'completed', meanLoss: lossSum.dataSync()[0] / data.count, accuracy: correctSum.dataSync()[0] / data.count, seconds };
  } finally {
    tf.dispose([lossSum, correctSum]);
  }
}
