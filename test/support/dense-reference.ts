/** tf's own Dense, for comparing Loss Lab's Dense op and kernels against: plain ops, tf's registered gradients. */
import * as tf from '@tensorflow/tfjs';
import type { DenseOpActivation } from '../../src/main/core/training/model/dense-op';

export function referenceDense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: DenseOpActivation): tf.Tensor2D {
  const z: tf.Tensor2D = tf.add(tf.matMul(x, w), b);
  if (activation === 'relu') return tf.relu(z);
  if (activation === 'tanh') return tf.tanh(z);
  if (activation === 'sigmoid') return tf.sigmoid(z);
  return z;
}

/** Largest absolute element-wise difference of two tensors of one shape. */
export function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}
