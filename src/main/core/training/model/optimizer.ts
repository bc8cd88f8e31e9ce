/** The optimizer a config names, on the backend that trains it. */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import { hasLossLabKernels } from '../kernels/kernel-backends';
import { FusedAdamOptimizer } from './fused-adam';

/**
 * Optimizer named by the config. `momentum` is SGD with momentum 0.9. Adam is Loss Lab's one-kernel Adam
 * (fused-adam.ts, same updates bit for bit) on the backends that have its kernel, tf.train.adam elsewhere.
 */
export function createOptimizer(config: Pick<ModelConfig, 'optimizer' | 'learningRate'>, backendName: string = tf.getBackend()): tf.Optimizer {
  switch (config.optimizer) {
    case 'adam':
      return hasLossLabKernels(backendName) ? new FusedAdamOptimizer(config.learningRate) : tf.train.adam(config.learningRate);
    case 'sgd':
      return tf.train.sgd(config.learningRate);
    case 'momentum':
      return tf.train.momentum(config.learningRate, 0.9);
    case 'rmsprop':
      return tf.train.rmsprop(config.learningRate);
  }
}
