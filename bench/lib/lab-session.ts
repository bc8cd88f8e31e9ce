/**
 * Loss Lab's own training loop (the training module's model, optimizer, loss and `trainEpoch`) on the active
 * backend, one epoch at a time, so the benchmark can alternate it with the PyTorch peer.
 */
import type { DatasetSplit } from '../../src/main/core/datasets/dataset';
import { epochOrder } from '../../src/main/core/random';
import { trainEpoch } from '../../src/main/core/training/loop/train-epoch';
import { createStepContext, type StepContext } from '../../src/main/core/training/loop/train-step';
import { trainRows, type TrainRows } from '../../src/main/core/training/loop/train-batches';
import type { ModelConfig } from '../../src/shared/model-config';

export interface LabEpoch {
  /** Samples per second over the whole epoch, as the app reports it. */
  samplesPerSecond: number;
  seconds: number;
  meanLoss: number;
  accuracy: number;
  /** CPU seconds of this process (the training thread and V8's background threads) ÷ wall seconds. */
  coresUsed: number;
}

export interface LabSession {
  epoch(): LabEpoch;
  dispose(): void;
}

/** A model of `config` ready to train on all of `split` (no validation hold-out: the peer trains on all too). */
export function createLabSession(config: ModelConfig, split: DatasetSplit): LabSession {
  const data: TrainRows = trainRows(split, config.targetEncoding);
  const ctx: StepContext = createStepContext(config);
  let epoch = 0;
  return {
    epoch() {
      epoch++;
      const order = epochOrder(data.count, config.seed, epoch);
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const result = trainEpoch(ctx, data, order, config.batchSize, { shouldStop: () => false, onProgress: () => {} });
      const cpu = process.cpuUsage(cpuBefore);
      const coresUsed = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);
      if (result.kind !== 'completed') throw new Error(`the benchmark epoch ended ${result.kind}`);
      return { samplesPerSecond: data.count / result.seconds, seconds: result.seconds, meanLoss: result.meanLoss, accuracy: result.accuracy, coresUsed };
    },
    dispose() {
      ctx.optimizer.dispose();
      ctx.model.dispose();
    },
  };
}
