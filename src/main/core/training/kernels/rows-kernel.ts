/**
 * `LossLabRows`: rows [start, start + count) of a tensor, copied straight from its memory.
 *
 * Why: tfjs's WASM Slice kernel first copies its *whole* input out of the heap (`readSync`), so slicing
 * 1,000-row chunks off the 10,000-image test split copied 31 MB per chunk, ~300 MB per evaluation. On cpu
 * and wasm this kernel copies only the rows; on tensorflow `rowsOf` uses tf.slice.
 */
import * as tf from '@tensorflow/tfjs';
import { hasLossLabKernels } from './kernel-backends';
import { arrayBackendOf, cpuValues, heapOffset, isWasmHeapBackend } from './tensor-memory';

export const ROWS_KERNEL = 'LossLabRows';

const rows: tf.KernelFunc = ({ inputs, backend: raw, attrs }) => {
  const backend = arrayBackendOf(raw, ROWS_KERNEL);
  const x = inputs.x;
  const start = attrs?.start;
  const count = attrs?.count;
  if (x === undefined || typeof start !== 'number' || typeof count !== 'number') throw new Error(`${ROWS_KERNEL}: needs x, start and count`);
  const width = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const shape = [count, ...x.shape.slice(1)];
  if (isWasmHeapBackend(backend)) {
    const out = backend.makeOutput(shape, x.dtype);
    // Offsets read after makeOutput, which may grow the heap; copyWithin moves bytes inside it.
    const from = heapOffset(backend, x) + start * width * 4;
    backend.wasm.HEAPF32.copyWithin(heapOffset(backend, out) >>> 2, from >>> 2, (from >>> 2) + count * width);
    return out;
  }
  const values = cpuValues(backend, x);
  return backend.makeTensorInfo(shape, x.dtype, values.slice(start * width, (start + count) * width));
};

export function registerRowsKernel(): void {
  for (const backendName of ['wasm', 'cpu']) {
    if (tf.getKernel(ROWS_KERNEL, backendName) === undefined) tf.registerKernel({ kernelName: ROWS_KERNEL, backendName, kernelFunc: rows });
  }
}

/** Rows [start, start + count) of a float32 or int32 tensor (4-byte elements), without copying the rest. */
export function rowsOf<T extends tf.Tensor>(x: T, start: number, count: number): T {
  // All of it: a clone, which shares the data (tfjs's cpu backend, and wasm with Loss Lab's kernels in use).
  if (start === 0 && count === x.shape[0]) return tf.clone(x);
  if (!hasLossLabKernels(tf.getBackend()) || (x.dtype !== 'float32' && x.dtype !== 'int32')) {
    return tf.slice(x, [start, ...x.shape.slice(1).map(() => 0)], [count, ...x.shape.slice(1).map(() => -1)]);
  }
  registerRowsKernel();
  return tf.engine().runKernel(ROWS_KERNEL, { x }, { start, count }) as T;
}
