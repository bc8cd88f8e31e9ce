/**
 * Per probe sample, the output error and the gradient of the sample's loss with respect to the output layer's
 * pre-activation: the evidence on whether saturation hinders learning (claim 4). Computed from the run's own
 * loss function, so it is exactly the signal training back-propagates.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import type { OutputSignal } from '../../../../shared/run-types';
import type { LossFn } from '../model/losses';

function activate<T extends tf.Tensor>(name: ModelConfig['outputActivation'], z: T): T {
  switch (name) {
    case 'softmax':
      return tf.softmax(z);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'linear':
      return z;
  }
}

const round = (v: number): number => Number(v.toPrecision(4));

/**
 * `z` [B,10] is the output layer's pre-activation on the probe, `targets` [B,10] its encoded targets. The
 * sample loss is `lossFn` × B (the loss is a mean over the batch), so row i of its gradient is sample i's.
 */
export function outputSignalTensors(
  lossFn: LossFn,
  config: Pick<ModelConfig, 'outputActivation' | 'targetEncoding'>,
  z: tf.Tensor2D,
  targets: tf.Tensor2D,
): { error: tf.Tensor1D; gradient: tf.Tensor1D } {
  const batch = z.shape[0];
  const perSample = tf.grad((pre: tf.Tensor) => tf.mul(lossFn(targets, activate(config.outputActivation, pre.as2D(batch, 10))), batch));
  const g = perSample(z);
  const y = activate(config.outputActivation, z);
  const trueClass = tf.cast(tf.equal(targets, 1), 'float32');
  const range = config.targetEncoding === 'oneHot01' ? 1 : 2;
  const error = tf.div(tf.abs(tf.sub(tf.sum(tf.mul(y, trueClass), 1), 1)), range) as tf.Tensor1D;
  const gradient = tf.sqrt(tf.sum(tf.square(g), 1)) as tf.Tensor1D;
  return { error, gradient };
}

/** Splits the concatenated [error…, gradient…] read back from the device into an `OutputSignal`. */
export function toOutputSignal(values: ArrayLike<number>, samples: number): OutputSignal {
  const all = Array.from(values, round);
  return { error: all.slice(0, samples), gradient: all.slice(samples, 2 * samples) };
}
