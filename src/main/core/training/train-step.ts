/**
 * One gradient step, kept in one small function so it can be optimised on its own. The forward pass runs
 * through `denseOp`, whose gradient avoids tfjs's slow transposed matMuls on WASM (see dense-op.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../shared/model-config';
import { buildModel } from './build-model';
import { denseForward, denseParams, type DenseParams } from './dense-forward';
import { createOptimizer, lossFunction, type LossFn } from './losses';

export interface StepContext {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  loss: LossFn;
  /** The model's trainable variables, in layer order. */
  variables: tf.Variable[];
  /** The same variables per Dense layer, with its activation, for the training forward pass. */
  params: DenseParams[];
}

/** A freshly initialised model of `config` with its optimizer and loss. The caller disposes model and optimizer. */
export function createStepContext(config: ModelConfig): StepContext {
  const model = buildModel(config);
  return {
    model,
    optimizer: createOptimizer(config),
    loss: lossFunction(config.loss, config.targetEncoding),
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    params: denseParams(model, config),
  };
}

/** Number of rows whose argmax output equals the label, as a float32 scalar. */
export function countCorrect(outputs: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(outputs, 1), labels), 'float32'));
}

/**
 * Updates the weights on one batch. Returns the batch's mean loss and its correct-prediction count, both
 * measured with the weights before the update (as Keras reports them). Call inside `tf.tidy`.
 */
export function trainStep(ctx: StepContext, x: tf.Tensor2D, y: tf.Tensor2D, labels: tf.Tensor1D): { loss: tf.Scalar; correct: tf.Scalar } {
  let kept: tf.Scalar | null = null;
  const loss = ctx.optimizer.minimize(
    () => {
      const outputs = denseForward(ctx.params, x);
      // minimize() disposes everything but the loss; keep the count, then hand a tracked clone to the caller.
      kept = tf.keep(countCorrect(outputs, labels));
      return ctx.loss(y, outputs);
    },
    true,
    ctx.variables,
  );
  if (loss === null || kept === null) throw new Error('the training step produced no loss');
  const keptCount: tf.Scalar = kept;
  const correct = tf.clone(keptCount);
  keptCount.dispose();
  return { loss, correct };
}
