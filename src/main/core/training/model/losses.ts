/** Loss functions (Keras semantics, mean over the batch) and target encodings. */
import * as tf from '@tensorflow/tfjs';
import type { LossName, OutputRescale, TargetEncoding } from '../../../../shared/model-config';

/** Keras's clipping constant: keeps log() finite for outputs at exactly 0 or 1. */
const EPSILON = 1e-7;

/** (targets [B,10], outputs [B,10]) → scalar mean loss over the batch. */
export type LossFn = (targets: tf.Tensor2D, outputs: tf.Tensor2D) => tf.Scalar;

/** Maps one-hot targets to ±1 when they are 0/1 (Keras's hinge does the same). */
function plusMinusOne(targets: tf.Tensor2D, encoding: TargetEncoding): tf.Tensor2D {
  return encoding === 'oneHot01' ? tf.sub(tf.mul(targets, 2), 1) : targets;
}

export function lossFunction(name: LossName, encoding: TargetEncoding): LossFn {
  switch (name) {
    case 'mse':
      return (y, p) => tf.mean(tf.squaredDifference(y, p));
    case 'meanAbsoluteError':
      return (y, p) => tf.mean(tf.abs(tf.sub(y, p)));
    case 'categoricalCrossentropy':
      return (y, p) => {
        const normalised = tf.div(p, tf.sum(p, -1, true));
        const clipped = tf.clipByValue(normalised, EPSILON, 1 - EPSILON);
        return tf.mean(tf.neg(tf.sum(tf.mul(y, tf.log(clipped)), -1)));
      };
    case 'binaryCrossentropy':
      return (y, p) => {
        const clipped = tf.clipByValue(p, EPSILON, 1 - EPSILON);
        const perEntry = tf.add(tf.mul(y, tf.log(clipped)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, clipped))));
        return tf.neg(tf.mean(perEntry));
      };
    case 'hinge':
      return (y, p) => tf.mean(tf.relu(tf.sub(1, tf.mul(plusMinusOne(y, encoding), p))));
  }
}

/** One-hot targets [count, 10] as float32 (0/1, or −1/+1 for `oneHotPlusMinus1`). */
export function encodeTargets(labels: Uint8Array, encoding: TargetEncoding): Float32Array {
  const off = encoding === 'oneHot01' ? 0 : -1;
  const targets = new Float32Array(labels.length * 10).fill(off);
  for (let i = 0; i < labels.length; i++) targets[i * 10 + labels[i]] = 1;
  return targets;
}

/** The output rescale applied before argmax, on plain numbers. */
export function rescaleOutput(value: number, rescale: OutputRescale): number {
  return rescale === 'tanhToUnit' ? (value + 1) / 2 : value;
}
