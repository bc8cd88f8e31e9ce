/**
 * One gradient step, kept in one small function so it can be optimised on its own (see PERF-NOTES: on WASM
 * the transposed matMuls of the backward pass dominate).
 */
import * as tf from '@tensorflow/tfjs';
import type { LossFn } from './losses';

export interface StepContext {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  loss: LossFn;
  /** The model's trainable variables, in layer order. */
  variables: tf.Variable[];
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
      const outputs = ctx.model.apply(x, { training: true }) as tf.Tensor2D;
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
