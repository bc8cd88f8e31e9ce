/** The dataset prepared once a run: evaluation splits as tensors (scaled inputs, encoded targets, int32 labels), training rows in JS memory. */
import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '../../datasets/dataset';
import type { ModelConfig, TargetEncoding } from '../../../../shared/model-config';
import { INPUT_SIZE } from '../model/build-model';
import { encodeTargets } from '../model/losses';
import { scalePixels } from './pixels';
import { trainRows, type TrainRows } from './train-batches';
import { gatherSplit, probeIndices, runTrainSplit } from './train-subset';

/** Samples in the fixed diagnostics probe batch, drawn from the trained rows by the run's probe stream. */
export const PROBE_SIZE = 256;

/** A split as tensors. All rows share one index: row i of x, y and labels is sample i. */
export interface SplitTensors {
  /** [count, 784] float32, pixels / 255. */
  x: tf.Tensor2D;
  /** [count, 10] float32 one-hot targets in the config's encoding. */
  y: tf.Tensor2D;
  /** [count] int32 class labels. */
  labels: tf.Tensor1D;
  count: number;
}

export { scalePixels };

/** Rows [start, start + count) of a split as tensors; the caller disposes them (`disposeSplit`). */
export function splitTensors(split: DatasetSplit, encoding: TargetEncoding, start = 0, count = split.count - start): SplitTensors {
  const images = split.images.subarray(start * INPUT_SIZE, (start + count) * INPUT_SIZE);
  const labels = split.labels.subarray(start, start + count);
  return {
    x: tf.tensor2d(scalePixels(images), [count, INPUT_SIZE], 'float32'),
    y: tf.tensor2d(encodeTargets(labels, encoding), [count, 10], 'float32'),
    labels: tf.tensor1d(Int32Array.from(labels), 'int32'),
    count,
  };
}

export function disposeSplit(split: SplitTensors | null): void {
  if (split === null) return;
  tf.dispose([split.x, split.y, split.labels]);
}

/**
 * How the train split divides: the first `trainCount` samples are trained on, the last `valCount` validate
 * (Keras: split at floor(count × (1 − validationSplit))).
 */
export function splitSizes(count: number, validationSplit: number): { trainCount: number; valCount: number } {
  const trainCount = validationSplit > 0 ? Math.floor(count * (1 - validationSplit)) : count;
  return { trainCount, valCount: count - trainCount };
}

/** All tensors a run trains and evaluates on. */
export interface RunData {
  /** Kept in JS memory; each batch becomes tensors on its own (see train-batches.ts). */
  train: TrainRows;
  /** null when validationSplit is 0 (or rounds to no samples). */
  validation: SplitTensors | null;
  /** min(256, trainCount) of the trained samples, the same every epoch. */
  probe: SplitTensors;
  test: SplitTensors;
}

/**
 * The run's data: the training split (or its stratified `trainSize` subset), of which the last
 * `validationSplit` share validates; the whole test split. Throws if `trainSize` exceeds the training split.
 */
export function prepareRunData(
  datasetTrain: DatasetSplit,
  test: DatasetSplit,
  config: Pick<ModelConfig, 'targetEncoding' | 'validationSplit' | 'trainSize' | 'seed'>,
): RunData {
  const encoding = config.targetEncoding;
  const train = runTrainSplit(datasetTrain, config.trainSize, config.seed);
  const { trainCount, valCount } = splitSizes(train.count, config.validationSplit);
  if (trainCount < 1) throw new Error('the training split is empty: nothing to train on');
  return {
    train: trainRows(train, encoding, 0, trainCount),
    validation: valCount > 0 ? splitTensors(train, encoding, trainCount, valCount) : null,
    probe: splitTensors(gatherSplit(train, probeIndices(trainCount, PROBE_SIZE, config.seed)), encoding),
    test: splitTensors(test, encoding),
  };
}

export function disposeRunData(data: RunData): void {
  for (const split of [data.validation, data.probe, data.test]) disposeSplit(split);
}
