/**
 * Training steps of a run's own model on the active backend, on seeded synthetic images, through the same
 * code a run uses (batches, fused kernels, optimizer): the smoke step that decides whether a backend is
 * accepted at all, then the timed steps that compare accepted backends.
 */
import * as tf from '@tensorflow/tfjs';
import { CoreError } from '../../errors';
import type { ModelConfig } from '../../../../shared/model-config';
import { createRandom } from '../../random';
import { INPUT_SIZE } from '../model/build-model';
import { batchTensors, trainRows } from '../loop/train-batches';
import { createStepContext, trainStep } from '../loop/train-step';

/** A backend's smoke step threw, or gave a non-finite loss or prediction: the backend is not used here. */
export class SmokeStepError extends CoreError {
  constructor(message: string, options?: ErrorOptions) {
    super('unavailable', message, options);
    this.name = 'SmokeStepError';
  }
}

export interface TrialOptions {
  /** Steps timed after the smoke step (which doubles as the warm-up); 0: only the smoke step. */
  timedSteps: number;
  /** Stop timing once one step took longer than this (ms): the backend is already out of the race. */
  giveUpAboveMs?: number;
}

/** The mean milliseconds a timed step took (null when none was timed). */
export interface TrialResult {
  msPerStep: number | null;
  timed: number;
}

/** One batch of `config.batchSize` seeded noise images with labels 0..9 in turn. */
function syntheticRows(config: ModelConfig): ReturnType<typeof trainRows> {
  const count = config.batchSize;
  const random = createRandom(config.seed);
  const images = new Uint8Array(count * INPUT_SIZE);
  for (let i = 0; i < images.length; i++) images[i] = Math.floor(random() * 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return trainRows({ images, labels, count }, config.targetEncoding);
}

/**
 * One training step (forward, backward, optimizer update) and one prediction on the active backend, each
 * checked finite, then `timedSteps` more steps timed with a read of the loss after each (so the time
 * includes the work, not only its dispatch). Throws SmokeStepError when the smoke step fails.
 */
export function trialSteps(config: ModelConfig, options: TrialOptions): TrialResult {
  const rows = syntheticRows(config);
  const order = Int32Array.from({ length: rows.count }, (_, i) => i);
  let ctx: ReturnType<typeof createStepContext> | null = null;
  try {
    ctx = createStepContext(config);
    const step = (c: NonNullable<typeof ctx>): number =>
      tf.tidy(() => {
        const batch = batchTensors(rows, order, 0, rows.count);
        return trainStep(c, batch.x, batch.y, batch.labels).loss.dataSync()[0];
      });
    const loss = step(ctx);
    if (!Number.isFinite(loss)) throw new SmokeStepError(`its training step gave a non-finite loss (${loss})`);
    const model = ctx.model;
    const outputs = tf.tidy(() => Array.from((model.predict(batchTensors(rows, order, 0, 1).x) as tf.Tensor).dataSync()));
    if (outputs.length !== 10 || !outputs.every(Number.isFinite))
      throw new SmokeStepError(`its prediction gave non-finite outputs (${outputs.slice(0, 3).join(', ')}…)`);
    let total = 0;
    let timed = 0;
    while (timed < options.timedSteps) {
      const started = performance.now();
      step(ctx);
      const ms = performance.now() - started;
      total += ms;
      timed++;
      if (options.giveUpAboveMs !== undefined && ms > options.giveUpAboveMs) break;
    }
    return { msPerStep: timed > 0 ? total / timed : null, timed };
  } catch (error) {
    if (error instanceof SmokeStepError) throw error;
    throw new SmokeStepError(error instanceof Error ? `${error.name}: ${error.message}` : String(error), { cause: error });
  } finally {
    if (ctx !== null) {
      ctx.optimizer.dispose();
      ctx.model.dispose();
    }
  }
}
