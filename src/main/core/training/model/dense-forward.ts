/**
 * The training forward pass of a model built by `buildModel`, through `denseOp` (see dense-op.ts) on the
 * model's own variables. Inference, diagnostics and saving keep using the Layers model itself.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import { denseOp, isDenseOpActivation } from './dense-op';
import { hasLossLabKernels } from '../kernels/kernel-backends';
import { denseKernelOp } from '../kernels/dense-kernel';

export interface DenseParams {
  kernel: tf.Variable;
  bias: tf.Variable;
  /** Keras activation name of the layer. */
  activation: string;
}

/** Each Dense layer's kernel, bias and activation, input side first. */
export function denseParams(model: tf.LayersModel, config: Pick<ModelConfig, 'hiddenActivation' | 'outputActivation'>): DenseParams[] {
  const last = model.layers.length - 1;
  return model.layers.map((layer, k) => {
    const [kernel, bias] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    if (kernel === undefined || bias === undefined) throw new Error(`layer ${layer.name} has no kernel and bias`);
    return { kernel, bias, activation: k < last ? config.hiddenActivation : config.outputActivation };
  });
}

/** The activations tf.layers applies itself (softmax over the last axis, as Keras does). */
function applyActivation(z: tf.Tensor2D, activation: string): tf.Tensor2D {
  switch (activation) {
    case 'softmax':
      return tf.softmax(z, -1);
    case 'elu':
      return tf.elu(z);
    case 'selu':
      return tf.selu(z);
    default:
      throw new Error(`no training forward for activation '${activation}'`);
  }
}

/** Layer `k` of the forward pass on `h`; `withActivation` false leaves the pre-activation z. */
function layer(p: DenseParams, h: tf.Tensor2D, k: number, withActivation: boolean): tf.Tensor2D {
  const activation = withActivation ? p.activation : 'linear';
  const fused = isDenseOpActivation(activation);
  // One registered kernel (and one for its gradient) where Loss Lab has kernels; tfjs ops in a customGrad elsewhere.
  const op = hasLossLabKernels(tf.getBackend()) ? denseKernelOp : denseOp;
  const z = op(h, p.kernel as tf.Tensor2D, p.bias as tf.Tensor1D, fused ? activation : 'linear', k > 0);
  return fused ? z : applyActivation(z, activation);
}

/** The model's outputs for `x`, differentiable with respect to every kernel and bias. */
export function denseForward(params: readonly DenseParams[], x: tf.Tensor2D): tf.Tensor2D {
  return params.reduce((h, p, k) => layer(p, h, k, true), x);
}

/**
 * The output layer's pre-activation z for `x` (every hidden layer with its activation, the last without),
 * for a loss that applies the output activation itself (kernels/output-loss-kernel.ts).
 */
export function denseLogits(params: readonly DenseParams[], x: tf.Tensor2D): tf.Tensor2D {
  const last = params.length - 1;
  return params.reduce((h, p, k) => layer(p, h, k, k < last), x);
}
