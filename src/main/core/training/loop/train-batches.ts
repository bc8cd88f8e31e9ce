/**
 * Training batches built in JS memory and uploaded as one small tensor set per batch.
 *
 * Why not gather rows from a prepared [count, 784] tensor: on WASM `tf.gather` of 128 rows took ~3 ms, and
 * `tf.slice` ~7–11 ms because the WASM slice kernel copies its whole input out of the heap first, while
 * copying the rows in JS and uploading them took ~25–45 µs (bench/profile/batching.ts). The pixels stay
 * bytes (a quarter of the memory of float32: 47 MB for full MNIST's 60,000 images instead of 188 MB, and a
 * quarter of the memory read per batch). On wasm a batch's rows are copied onto tfjs's heap as bytes and
 * scaled there by a SIMD kernel, straight into the new tensor's memory (kernels/pixel-rows.ts); on cpu they
 * go through a 256-entry table of the scaled values.
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '../../datasets/dataset';
import type { TargetEncoding } from '../../../../shared/model-config';
import { INPUT_SIZE } from '../model/build-model';
import { encodeTargets } from '../model/losses';
import { heapKernelsOf } from '../kernels/heap-kernels';
import { wasmPixelRows } from '../kernels/pixel-rows';
import { heapFloats, heapInts, isWasmHeapBackend } from '../kernels/tensor-memory';
import { PIXEL_VALUES } from './pixels';

/** The rows a run trains on, in JS memory. Row i of each array is sample i. */
export interface TrainRows {
  /** count × 784 pixel bytes 0..255 (a view of the dataset's own array); a batch scales them to 0..1. */
  images: Uint8Array;
  /** count × 10 float32 targets in the config's encoding. */
  targets: Float32Array;
  /** count labels 0..9. */
  labels: Int32Array;
  count: number;
}

/** Rows [start, start + count) of `split`, scaled and encoded once. */
export function trainRows(split: DatasetSplit, encoding: TargetEncoding, start = 0, count = split.count - start): TrainRows {
  const labels = split.labels.subarray(start, start + count);
  return {
    images: split.images.subarray(start * INPUT_SIZE, (start + count) * INPUT_SIZE),
    targets: encodeTargets(labels, encoding),
    labels: Int32Array.from(labels),
    count,
  };
}

/** Copies rows order[start..end) of `source` (rows of `width` values) into `out`. */
function copyRows<T extends Float32Array | Int32Array>(source: T, width: number, order: Int32Array, start: number, end: number, out: T): T {
  for (let i = start; i < end; i++) {
    // Element by element: the rows are 10 targets or 1 label, too short for subarray + set to pay.
    const from = order[i] * width;
    const to = (i - start) * width;
    for (let j = 0; j < width; j++) out[to + j] = source[from + j];
  }
  return out;
}

/** Rows order[start..end) of the images, scaled to 0..1 through a table, into `out` ([n, 784] float32). */
function copyPixelRows(images: Uint8Array, order: Int32Array, start: number, end: number, out: Float32Array): Float32Array {
  for (let i = start; i < end; i++) {
    const from = order[i] * INPUT_SIZE;
    const to = (i - start) * INPUT_SIZE;
    for (let j = 0; j < INPUT_SIZE; j++) out[to + j] = PIXEL_VALUES[images[from + j]];
  }
  return out;
}

/** The batch's pixels as a new [n, 784] float32 tensor. */
function pixelTensor(images: Uint8Array, order: Int32Array, start: number, end: number): tf.Tensor2D {
  const n = end - start;
  const heap = heapKernelsOf(tf.backend());
  if (heap !== null) return tf.engine().makeTensorFromTensorInfo(wasmPixelRows(heap, images, INPUT_SIZE, order, start, end)) as tf.Tensor2D;
  return tf.tensor2d(copyPixelRows(images, order, start, end, new Float32Array(n * INPUT_SIZE)), [n, INPUT_SIZE], 'float32');
}

/** Rows order[start..end) of `source` as a new [n, width] tensor (shape [n] when `shape1d`). */
function rowsTensor(source: Float32Array | Int32Array, width: number, order: Int32Array, start: number, end: number, shape1d = false): tf.Tensor {
  const n = end - start;
  const shape = shape1d ? [n] : [n, width];
  const dtype = source instanceof Float32Array ? 'float32' : 'int32';
  const backend = tf.backend();
  if (isWasmHeapBackend(backend)) {
    const info = backend.makeOutput(shape, dtype);
    copyRows(source, width, order, start, end, dtype === 'float32' ? heapFloats(backend, info) : heapInts(backend, info));
    return tf.engine().makeTensorFromTensorInfo(info);
  }
  const out =
    source instanceof Float32Array
      ? copyRows(source, width, order, start, end, new Float32Array(n * width))
      : copyRows(source, width, order, start, end, new Int32Array(n * width));
  return tf.tensor(out, shape, dtype);
}

/**
 * Rows order[start..end) as tensors: x [n, 784], y [n, 10], labels [n] int32. Fresh arrays each batch on cpu:
 * the cpu backend keeps the array it is given instead of copying it.
 */
export function batchTensors(rows: TrainRows, order: Int32Array, start: number, end: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: tf.Tensor1D } {
  return {
    x: pixelTensor(rows.images, order, start, end),
    y: rowsTensor(rows.targets, 10, order, start, end) as tf.Tensor2D,
    labels: rowsTensor(rows.labels, 1, order, start, end, true) as tf.Tensor1D,
  };
}
