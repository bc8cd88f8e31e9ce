import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { hasLossLabKernels, LOSS_LAB_KERNEL_BACKENDS } from '@core/training/kernels';
import { FusedAdamOptimizer } from '@core/training/model/fused-adam';
import { createOptimizer } from '@core/training/model/optimizer';

describe('createOptimizer', () => {
  it('uses the one-kernel Adam where Loss Lab has kernels, tf.train.adam on the native backend', () => {
    expect(LOSS_LAB_KERNEL_BACKENDS).toEqual(['wasm', 'cpu']);
    expect(hasLossLabKernels('tensorflow')).toBe(false);
    const native = createOptimizer({ optimizer: 'adam', learningRate: 0.001 }, 'tensorflow');
    expect(native).toBeInstanceOf(tf.AdamOptimizer);
    expect(createOptimizer({ optimizer: 'adam', learningRate: 0.001 }, 'wasm')).toBeInstanceOf(FusedAdamOptimizer);
    native.dispose();
  });
});
