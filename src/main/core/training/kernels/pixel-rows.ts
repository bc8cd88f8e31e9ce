/**
 * A training batch's pixels on wasm: the rows' bytes copied onto tfjs's heap (a quarter of the float32 bytes)
 * and scaled to 0..1 there by `bytes_to_unit` (SIMD), straight into the batch tensor's memory.
 */
import type * as tf from '@tensorflow/tfjs';
import type { HeapKernels } from './heap-kernels';
import { heapOffset } from './tensor-memory';

/** Rows order[start..end) of `images` (rows of `width` bytes) as a new [n, width] float32 tensor, 0..1. */
export function wasmPixelRows(
  { backend, kernels }: HeapKernels,
  images: Uint8Array,
  width: number,
  order: Int32Array,
  start: number,
  end: number,
): tf.TensorInfo {
  const n = end - start;
  const out = backend.makeOutput([n, width], 'float32');
  const staging = backend.makeOutput([Math.ceil((n * width) / 4)], 'float32');
  const stagingOffset = heapOffset(backend, staging);
  const bytes = new Uint8Array(backend.wasm.HEAPF32.buffer, stagingOffset, n * width);
  for (let i = start; i < end; i++) bytes.set(images.subarray(order[i] * width, (order[i] + 1) * width), (i - start) * width);
  kernels.bytes_to_unit(stagingOffset, heapOffset(backend, out), n * width);
  backend.disposeData(staging.dataId);
  return out;
}
