/** A whole run in the calling thread: build, train epoch by epoch, diagnose, evaluate, save. */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import type { BackendName, EpochMetrics } from '../../../../shared/run-types';
import type { Dataset } from '../../datasets/dataset';
import { activeBackend } from '../backend/backend';
import { probeDiagnostics } from './diagnostics';
import { evaluateTest, measure } from './evaluate';
import { epochOrder } from '../../random';
import { saveModel } from '../model/saved-model';
import { trainEpoch } from './train-epoch';
import { createStepContext, stepForward, type StepContext } from './train-step';
import { disposeRunData, prepareRunData, type RunData } from './training-data';
import { failedOutcome, type TrainingOutcome } from '../../run-lifecycle';
import type { TrainingCallbacks } from '../types';

function failed(backend: BackendName | null, error: unknown): TrainingOutcome {
  return failedOutcome(error instanceof Error ? error.message : String(error), backend);
}

/** Final outcome of a run that ended normally or was stopped: evaluation and weights included. */
async function finish(
  status: 'completed' | 'stopped',
  ctx: StepContext,
  data: RunData,
  dataset: Dataset,
  config: ModelConfig,
  backend: BackendName,
): Promise<TrainingOutcome> {
  const evaluation = evaluateTest(ctx.model, ctx.loss, data.test, dataset.test.labels, config.outputRescale);
  return { status, backend, evaluation, model: await saveModel(ctx.model), error: null };
}

/**
 * Trains `config` on `dataset` in the calling thread on the active backend (see `initBackend`).
 * `shouldStop` is polled before every batch. Never throws: failures come back as status 'failed'.
 */
export async function trainRun(
  config: ModelConfig,
  dataset: Dataset,
  callbacks: TrainingCallbacks & { runId: number },
  shouldStop: () => boolean,
): Promise<TrainingOutcome> {
  const backend = activeBackend();
  if (backend === null) return failed(null, new Error(`unsupported backend '${tf.getBackend()}': call initBackend() first`));
  let data: RunData | null = null;
  let ctx: StepContext | null = null;
  try {
    data = prepareRunData(dataset.train, dataset.test, config);
    ctx = createStepContext(config);
    const model = ctx.model;
    callbacks.onStarted(backend);
    const train = data.train;
    const batches = Math.ceil(train.count / config.batchSize);
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      if (shouldStop()) return await finish('stopped', ctx, data, dataset, config, backend);
      const order = epochOrder(train.count, config.seed, epoch);
      const result = trainEpoch(ctx, train, order, config.batchSize, {
        shouldStop,
        onProgress: (batch, _batches, loss, samplesDone, elapsed) => {
          const samplesPerSecond = elapsed > 0 ? samplesDone / elapsed : 0;
          const remaining = train.count - samplesDone + (config.epochs - epoch) * train.count;
          const etaSeconds = samplesPerSecond > 0 ? remaining / samplesPerSecond : 0;
          callbacks.onBatch({ runId: callbacks.runId, epoch, batch, batchesPerEpoch: batches, loss, samplesPerSecond, etaSeconds });
        },
      });
      if (result.kind === 'stopped') return await finish('stopped', ctx, data, dataset, config, backend);
      if (result.kind === 'diverged') {
        const where = result.lastFiniteBatch > 0 ? `between batches ${result.lastFiniteBatch + 1} and ${result.batch}` : `by batch ${result.batch}`;
        const error = `the loss became non-finite (NaN or infinite) in epoch ${epoch}, ${where} of ${batches}: lower the learning rate (now ${config.learningRate})`;
        return { status: 'diverged', backend, evaluation: null, model: null, error };
      }
      const validation = data.validation === null ? null : measure(stepForward(ctx), ctx.loss, data.validation);
      const test = measure(stepForward(ctx), ctx.loss, data.test);
      const metrics: EpochMetrics = {
        epoch,
        trainLoss: result.meanLoss,
        trainAccuracy: result.accuracy,
        valLoss: validation?.loss ?? null,
        valAccuracy: validation?.accuracy ?? null,
        testLoss: test.loss,
        testAccuracy: test.accuracy,
        seconds: result.seconds,
        samplesPerSecond: result.seconds > 0 ? train.count / result.seconds : 0,
        // The output signal is kept for epoch 1 and the planned last epoch only: 256 pairs each, to keep runs small.
        layers: probeDiagnostics(model, ctx.loss, data.probe, config, epoch === 1 || epoch === config.epochs),
      };
      callbacks.onEpoch(metrics);
      // Lets an in-thread caller's timers and I/O run between epochs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return await finish('completed', ctx, data, dataset, config, backend);
  } catch (error) {
    return failed(backend, error);
  } finally {
    if (ctx !== null) {
      ctx.optimizer.dispose();
      ctx.model.dispose();
    }
    if (data !== null) disposeRunData(data);
  }
}
