/**
 * One gradient step, kept in one small function so it can be optimised on its own. The forward pass runs
 * through `denseOp`, whose gradient avoids tfjs's slow transposed matMuls on WASM (see dense-op.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import { buildModel } from '../model/build-model';
import { denseForward, denseLogits, denseParams, type DenseParams } from '../model/dense-forward';
import { hasLossLabKernels } from '../kernels/kernel-backends';
import { OUTPUT_LOSS_ACTIVATIONS, OUTPUT_LOSSES, type OutputLoss, type OutputLossActivation } from '../kernels/output-loss-math';
import { outputLossOp } from '../kernels/output-loss-kernel';
import { countCorrect, type Forward } from './evaluate';
import { lossFunction, type LossFn } from '../model/losses';
import { createOptimizer } from '../model/optimizer';

export interface StepContext {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  loss: LossFn;
  /** The model's trainable variables, in layer order. */
  variables: tf.Variable[];
  /** The same variables per Dense layer, with its activation, for the training forward pass. */
  params: DenseParams[];
  /** Output activation and loss when one fused kernel computes them (see `fusedOutputLoss`), else null. */
  outputLoss: { activation: OutputLossActivation; loss: OutputLoss } | null;
}

/**
 * The output activation and loss when `LossLabOutputLoss` can compute them on `backendName` (wasm and cpu;
 * the presets' tanh + MSE and softmax + cross-entropy among others), else null: tfjs's own ops then.
 */
export function fusedOutputLoss(config: Pick<ModelConfig, 'outputActivation' | 'loss'>, backendName: string = tf.getBackend()): StepContext['outputLoss'] {
  const activation = OUTPUT_LOSS_ACTIVATIONS.find((a) => a === config.outputActivation);
  const loss = OUTPUT_LOSSES.find((l) => l === config.loss);
  if (activation === undefined || loss === undefined || !hasLossLabKernels(backendName)) return null;
  return { activation, loss };
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
    outputLoss: fusedOutputLoss(config),
  };
}

/**
 * The training forward pass without the tape, for the per-epoch evaluations: on wasm it runs Loss Lab's Dense
 * kernels, which skip the pixels' zeros (~3× faster than tfjs's matMul on the 10,000 test images).
 */
export function stepForward(ctx: StepContext): Forward {
  return (x) => denseForward(ctx.params, x);
}

/**
 * Updates the weights on one batch. Returns the batch's mean loss and its correct-prediction count, both
 * measured with the weights before the update (as Keras reports them). Call inside `tf.tidy`.
 */
export function trainStep(ctx: StepContext, x: tf.Tensor2D, y: tf.Tensor2D, labels: tf.Tensor1D): { loss: tf.Scalar; correct: tf.Scalar } {
  let kept: tf.Scalar | null = null;
  const fused = ctx.outputLoss;
  const loss = ctx.optimizer.minimize(
    () => {
      if (fused !== null) {
        const [value, correct] = outputLossOp(denseLogits(ctx.params, x), y, labels, fused.activation, fused.loss);
        kept = tf.keep(correct);
        return value;
      }
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
