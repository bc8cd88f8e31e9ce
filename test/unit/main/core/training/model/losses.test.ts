import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@core/training/backend/backend';
import { encodeTargets, lossFunction, rescaleOutput } from '@core/training/model/losses';
import type { LossName, TargetEncoding } from '@shared/model-config';

beforeAll(async () => {
  await initBackend('wasm');
});

function lossOf(name: LossName, encoding: TargetEncoding, y: number[][], p: number[][]): number {
  return tf.tidy(() => lossFunction(name, encoding)(tf.tensor2d(y), tf.tensor2d(p)).dataSync()[0]);
}

describe('losses', () => {
  const y = [
    [0, 1],
    [1, 0],
  ];
  const p = [
    [0.2, 0.8],
    [0.6, 0.4],
  ];

  it('mse and mae are means over every entry', () => {
    expect(lossOf('mse', 'oneHot01', y, p)).toBeCloseTo((0.04 + 0.04 + 0.16 + 0.16) / 4, 6);
    expect(lossOf('meanAbsoluteError', 'oneHot01', y, p)).toBeCloseTo((0.2 + 0.2 + 0.4 + 0.4) / 4, 6);
  });

  it('categorical and binary cross-entropy follow Keras', () => {
    expect(lossOf('categoricalCrossentropy', 'oneHot01', y, p)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
    const bce = -(Math.log(0.8) * 2 + Math.log(0.6) * 2) / 4;
    expect(lossOf('binaryCrossentropy', 'oneHot01', y, p)).toBeCloseTo(bce, 5);
  });

  it('hinge maps 0/1 targets to −1/+1', () => {
    const expected = (1.2 + 0.2 + 0.4 + 1.4) / 4;
    expect(lossOf('hinge', 'oneHot01', y, p)).toBeCloseTo(expected, 6);
    expect(
      lossOf(
        'hinge',
        'oneHotPlusMinus1',
        [
          [-1, 1],
          [1, -1],
        ],
        p,
      ),
    ).toBeCloseTo(expected, 6);
  });

  it('encodes targets and rescales tanh outputs', () => {
    expect(Array.from(encodeTargets(Uint8Array.of(2), 'oneHot01'))).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(encodeTargets(Uint8Array.of(0), 'oneHotPlusMinus1'))).toEqual([1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect(rescaleOutput(-1, 'tanhToUnit')).toBe(0);
    expect(rescaleOutput(0.5, 'none')).toBe(0.5);
  });
});
