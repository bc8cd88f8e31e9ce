/**
 * The Dense layer's matrix products on tfjs's WASM heap with Loss Lab's own SIMD kernels
 * (native/wasm/kernels.c: `dense_forward`, `dense_weight_grad`, `dense_input_grad`). tfjs's WASM matMul
 * packs new weights into a new XNNPACK operator every step and multiplies transposed operands slowly; these
 * read the tensors where they lie. Null from `denseWasmKernels` means "use tfjs's kernels" (the cpu backend,
 * or a threaded tfjs build whose shared memory the module cannot import).
 */
import type * as tf from '@tensorflow/tfjs';
import { heapOffset, wasmMemoryOf, type ArrayBackend, isWasmHeapBackend, type WasmHeapBackend } from './tensor-memory';
import { lossLabWasm, type LossLabWasm } from './wasm-kernels';

export interface DenseWasm {
  backend: WasmHeapBackend;
  kernels: LossLabWasm;
}

export function denseWasmKernels(backend: ArrayBackend): DenseWasm | null {
  if (!isWasmHeapBackend(backend)) return null;
  const memory = wasmMemoryOf(backend);
  const kernels = memory === null ? null : lossLabWasm(memory);
  return kernels === null ? null : { backend, kernels };
}

/** x·w + b, with relu applied when asked (other activations are the caller's): a new [rows, units] tensor. */
export function wasmLinear({ backend, kernels }: DenseWasm, x: tf.TensorInfo, w: tf.TensorInfo, b: tf.TensorInfo, relu: boolean): tf.TensorInfo {
  const [rows, inUnits] = x.shape;
  const units = w.shape[1];
  const out = backend.makeOutput([rows, units], 'float32');
  const at = (info: tf.TensorInfo): number => heapOffset(backend, info);
  kernels.dense_forward(at(x), at(w), at(b), at(out), rows, inUnits, units, relu ? 1 : 0);
  return out;
}

/** xᵀ·dz: the weight gradient, a new [in, units] tensor. */
export function wasmWeightGradient({ backend, kernels }: DenseWasm, x: tf.TensorInfo, dz: tf.TensorInfo): tf.TensorInfo {
  const [rows, inUnits] = x.shape;
  const units = dz.shape[1];
  const out = backend.makeOutput([inUnits, units], 'float32');
  kernels.dense_weight_grad(heapOffset(backend, x), heapOffset(backend, dz), heapOffset(backend, out), rows, inUnits, units);
  return out;
}

/** dz·wᵀ: the input gradient, a new [rows, in] tensor. */
export function wasmInputGradient({ backend, kernels }: DenseWasm, dz: tf.TensorInfo, w: tf.TensorInfo): tf.TensorInfo {
  const [rows, units] = dz.shape;
  const inUnits = w.shape[0];
  const out = backend.makeOutput([rows, inUnits], 'float32');
  kernels.dense_input_grad(heapOffset(backend, dz), heapOffset(backend, w), heapOffset(backend, out), rows, inUnits, units);
  return out;
}
