/** Per-layer diagnostics on the fixed probe batch: kernel gradient norms, saturation, dead relu units. */
import * as tf from '@tensorflow/tfjs';
import type { LayerDiagnostics } from '../../../../shared/run-types';
import type { ModelConfig } from '../../../../shared/model-config';
import { layerName } from '../model/build-model';
import type { LossFn } from '../model/losses';
import { outputSignalTensors, toOutputSignal } from './output-signal';
import type { SplitTensors } from './training-data';

/** |tanh| above this, or sigmoid within this of 0 or 1, counts as saturated. */
const SATURATION = 0.99;

function saturates(activation: string): boolean {
  return activation === 'tanh' || activation === 'sigmoid';
}

function saturated(activation: string, a: tf.Tensor2D): tf.Scalar | null {
  if (activation === 'tanh') return tf.mean(tf.cast(tf.greater(tf.abs(a), SATURATION), 'float32'));
  if (activation === 'sigmoid') {
    const outside = tf.logicalOr(tf.less(a, 1 - SATURATION), tf.greater(a, SATURATION));
    return tf.mean(tf.cast(outside, 'float32'));
  }
  return null;
}

/** Mean local derivative of the activation over units and samples (see `LayerDiagnostics.attenuation`). */
function attenuation(activation: string, a: tf.Tensor2D): tf.Scalar | null {
  if (activation === 'tanh') return tf.mean(tf.sub(1, tf.square(a)));
  if (activation === 'sigmoid') return tf.mean(tf.mul(a, tf.sub(1, a)));
  if (activation === 'relu') return tf.mean(tf.cast(tf.greater(a, 0), 'float32'));
  return null;
}

/** Fraction of units whose output is 0 for every probe sample. */
function dead(activation: string, a: tf.Tensor2D): tf.Scalar | null {
  if (activation !== 'relu') return null;
  return tf.mean(tf.cast(tf.lessEqual(tf.max(a, 0), 0), 'float32'));
}

const PER_LAYER = 4;

/**
 * Measures each Dense layer of `model` on `probe` without changing any weight. One GPU→JS read in all.
 * Saturation is the fraction of (sample, unit) activations that are saturated. With `outputSignal` the output
 * layer also carries each probe sample's output error and gradient (see `OutputSignal`).
 */
export function probeDiagnostics(model: tf.LayersModel, lossFn: LossFn, probe: SplitTensors, config: ModelConfig, outputSignal = false): LayerDiagnostics[] {
  const layers = model.layers;
  const activations = layers.map((_, k) => (k < layers.length - 1 ? config.hiddenActivation : config.outputActivation));
  const kernels = layers.map((layer) => layer.trainableWeights[0].read() as tf.Variable);
  const values = tf.tidy(() => {
    const { grads } = tf.variableGrads(() => lossFn(probe.y, model.apply(probe.x) as tf.Tensor2D), kernels);
    const parts: tf.Tensor1D[] = [];
    let h: tf.Tensor2D = probe.x;
    let signal: tf.Tensor1D[] = [];
    layers.forEach((layer, k) => {
      if (outputSignal && k === layers.length - 1) {
        const [kernel, bias] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
        const { error, gradient } = outputSignalTensors(lossFn, config, tf.add(tf.matMul(h, kernel), bias), probe.y);
        signal = [error, gradient];
      }
      h = layer.apply(h) as tf.Tensor2D;
      const scalars = [
        tf.norm(grads[kernels[k].name]) as tf.Scalar,
        saturated(activations[k], h) ?? tf.scalar(NaN),
        dead(activations[k], h) ?? tf.scalar(NaN),
        attenuation(activations[k], h) ?? tf.scalar(NaN),
      ];
      parts.push(tf.stack(scalars) as tf.Tensor1D);
    });
    return tf.concat([...parts, ...signal]);
  });
  const read = values.dataSync();
  values.dispose();
  const samples = probe.x.shape[0];
  return layers.map((_, k) => {
    const at = k * PER_LAYER;
    const isOutput = k === layers.length - 1;
    return {
      layer: layerName(k, layers.length - 1),
      activation: activations[k],
      gradientNorm: read[at],
      saturatedFraction: saturates(activations[k]) ? read[at + 1] : null,
      deadFraction: activations[k] === 'relu' ? read[at + 2] : null,
      attenuation: Number.isNaN(read[at + 3]) ? null : read[at + 3],
      ...(outputSignal && isOutput ? { outputSignal: toOutputSignal(read.subarray(layers.length * PER_LAYER), samples) } : {}),
    };
  });
}
