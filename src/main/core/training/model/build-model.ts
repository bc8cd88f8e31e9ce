/** Builds the Dense network a `ModelConfig` describes, with seeded initial weights and zero biases. */
import * as tf from '@tensorflow/tfjs';
import type { InitializerName, ModelConfig } from '../../../../shared/model-config';
import { streamSeed } from '../../random';

/** Pixels of one input image (28 × 28). */
export const INPUT_SIZE = 784;
/** Units of the output layer: one per class. */
export const OUTPUT_UNITS = 10;

/** `dense1`, `dense2`, … for hidden layers (1-based), `output` for the last. */
export function layerName(index: number, hiddenCount: number): string {
  return index < hiddenCount ? `dense${index + 1}` : 'output';
}

function kernelInitializer(name: InitializerName, seed: number): ReturnType<typeof tf.initializers.glorotUniform> {
  switch (name) {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'glorotNormal':
      return tf.initializers.glorotNormal({ seed });
    case 'heUniform':
      return tf.initializers.heUniform({ seed });
    case 'heNormal':
      return tf.initializers.heNormal({ seed });
    case 'leCunUniform':
      return tf.initializers.leCunUniform({ seed });
    case 'leCunNormal':
      return tf.initializers.leCunNormal({ seed });
  }
}

/**
 * A sequential model 784 → hiddenUnits… → 10. Each layer's kernel is drawn from its own stream
 * (config.seed, `weights/<layer name>`), so the same config always starts from the same weights on any backend.
 */
export function buildModel(config: ModelConfig): tf.Sequential {
  const hidden = config.hiddenUnits.length;
  const model = tf.sequential({ name: 'loss_lab_model' });
  config.hiddenUnits.forEach((units, k) => {
    model.add(
      tf.layers.dense({
        name: layerName(k, hidden),
        units,
        activation: config.hiddenActivation,
        kernelInitializer: kernelInitializer(config.initializer, streamSeed(config.seed, `weights/${layerName(k, hidden)}`)),
        biasInitializer: 'zeros',
        ...(k === 0 ? { inputShape: [INPUT_SIZE] } : {}),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      name: layerName(hidden, hidden),
      units: OUTPUT_UNITS,
      activation: config.outputActivation,
      kernelInitializer: kernelInitializer(config.initializer, streamSeed(config.seed, `weights/${layerName(hidden, hidden)}`)),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}
