/** Per-layer diagnostics on the fixed probe batch: kernel gradient norms, saturation, dead relu units. */
import * as tf from '@tensorflow/tfjs';
import type { LayerDiagnostics } from '../../../shared/run-types';
import type { ModelConfig } from '../../../shared/model-config';
import { layerName } from './build-model';
import type { LossFn } from './losses';
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

/** Fraction of units whose output is 0 for every probe sample. */
function dead(activation: string, a: tf.Tensor2D): tf.Scalar | null {
  if (activation !== 'relu') return null;
  return tf.mean(tf.cast(tf.lessEqual(tf.max(a, 0), 0), 'float32'));
}

/**
 * Measures each Dense layer of `model` on `probe` without changing any weight. One GPU→JS read in all.
 * Saturation is the fraction of (sample, unit) activations that are saturated.
 */
export function probeDiagnostics(model: tf.LayersModel, lossFn: LossFn, probe: SplitTensors, config: ModelConfig): LayerDiagnostics[] {
  const layers = model.layers;
  const activations = layers.map((_, k) => (k < layers.length - 1 ? config.hiddenActivation : config.outputActivation));
  const kernels = layers.map((layer) => layer.trainableWeights[0].read() as tf.Variable);
  const values = tf.tidy(() => {
    const { grads } = tf.variableGrads(() => lossFn(probe.y, model.apply(probe.x) as tf.Tensor2D), kernels);
    const parts: tf.Scalar[] = [];
    let h: tf.Tensor2D = probe.x;
    layers.forEach((layer, k) => {
      h = layer.apply(h) as tf.Tensor2D;
      parts.push(tf.norm(grads[kernels[k].name]) as tf.Scalar);
      parts.push(saturated(activations[k], h) ?? tf.scalar(NaN));
      parts.push(dead(activations[k], h) ?? tf.scalar(NaN));
    });
    return tf.stack(parts);
  });
  const read = values.dataSync();
  values.dispose();
  return layers.map((_, k) => ({
    layer: layerName(k, layers.length - 1),
    activation: activations[k],
    gradientNorm: read[k * 3],
    saturatedFraction: saturates(activations[k]) ? read[k * 3 + 1] : null,
    deadFraction: activations[k] === 'relu' ? read[k * 3 + 2] : null,
  }));
}
