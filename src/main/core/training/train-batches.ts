/**
 * Training batches made from the dataset's bytes in JS memory, one small tensor set per batch.
 *
 * Why not gather rows from a prepared [count, 784] tensor: on WASM `tf.gather` of 128 rows took ~3 ms and
 * `tf.slice` of a big tensor ~7–11 ms (it reads the whole tensor back), while building the batch in JS and
 * uploading it took ~25–45 µs (bench/profile/batching.ts). Keeping the bytes (not float32 copies) also spares
 * the train split's 4 bytes a pixel on the backend, which matters at 60,000 samples.
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '../datasets/dataset';
import type { TargetEncoding } from '../../../shared/model-config';
import { INPUT_SIZE } from './build-model';
import { encodeTargets } from './losses';

/** Rows of a split to train on: views of the dataset's bytes (no copies). */
export interface TrainRows {
  /** count × 784 bytes, 0..255. */
  images: Uint8Array;
  /** count labels 0..9. */
  labels: Uint8Array;
  count: number;
  encoding: TargetEncoding;
}

/** Rows [start, start + count) of `split`. */
export function trainRows(split: DatasetSplit, encoding: TargetEncoding, start = 0, count = split.count - start): TrainRows {
  return {
    images: split.images.subarray(start * INPUT_SIZE, (start + count) * INPUT_SIZE),
    labels: split.labels.subarray(start, start + count),
    count,
    encoding,
  };
}

/**
 * Rows order[start..end) as tensors: x [n, 784] float32 pixels / 255 (the same values as `scalePixels`),
 * y [n, 10] encoded targets, labels [n] int32. Fresh arrays each batch: the cpu backend keeps the array it
 * is given instead of copying it.
 */
export function batchTensors(rows: TrainRows, order: Int32Array, start: number, end: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: tf.Tensor1D } {
  const n = end - start;
  const pixels = new Float32Array(n * INPUT_SIZE);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = order[start + i];
    const from = row * INPUT_SIZE;
    const to = i * INPUT_SIZE;
    for (let p = 0; p < INPUT_SIZE; p++) pixels[to + p] = rows.images[from + p] / 255;
    labels[i] = rows.labels[row];
  }
  return {
    x: tf.tensor2d(pixels, [n, INPUT_SIZE], 'float32'),
    y: tf.tensor2d(encodeTargets(labels, rows.encoding), [n, 10], 'float32'),
    labels: tf.tensor1d(Int32Array.from(labels), 'int32'),
  };
}
