/**
 * The Dense layer's matrix products on tfjs's WASM heap with Loss Lab's own SIMD kernels
 * (native/wasm/dense.c and sparse.c: `dense_forward`, `dense_weight_grad`, `dense_input_grad`). tfjs's WASM matMul
 * packs new weights into a new XNNPACK operator every step and multiplies transposed operands slowly; these
 * read the tensors where they lie. When the input is mostly exact zeros (pixels), the kernels skip the zero
 * terms, which leaves every sum as it was; they need int32 scratch memory for their lists of nonzero entries.
 */
import type * as tf from '@tensorflow/tfjs';
import type { HeapKernels } from './heap-kernels';
import { heapOffset } from './tensor-memory';

/** The activations `dense_forward` applies itself (codes of its `act` argument); others are the caller's. */
export const WASM_DENSE_ACTIVATIONS = { linear: 0, relu: 1, tanh: 2 } as const;
export type WasmDenseActivation = keyof typeof WASM_DENSE_ACTIVATIONS;

/** activation(x·w + b): a new [rows, units] tensor. */
export function wasmDense(
  { backend, kernels }: HeapKernels,
  x: tf.TensorInfo,
  w: tf.TensorInfo,
  b: tf.TensorInfo,
  activation: WasmDenseActivation,
): tf.TensorInfo {
  const [rows, inUnits] = x.shape;
  const units = w.shape[1];
  const out = backend.makeOutput([rows, units], 'float32');
  const scratch = backend.makeOutput([inUnits], 'int32');
  const at = (info: tf.TensorInfo): number => heapOffset(backend, info);
  kernels.dense_forward(at(x), at(w), at(b), at(out), at(scratch), rows, inUnits, units, WASM_DENSE_ACTIVATIONS[activation]);
  backend.disposeData(scratch.dataId);
  return out;
}

/** Codes of `dense_output_grad`'s act argument. */
const GRAD_ACTIVATIONS = { linear: 0, relu: 1, tanh: 2, sigmoid: 3 } as const;

/** dz = activation'(y)·dy and db = the column sums of dz: two new tensors, [rows, units] and [units]. */
export function wasmOutputGradient(
  { backend, kernels }: HeapKernels,
  dy: tf.TensorInfo,
  y: tf.TensorInfo,
  activation: keyof typeof GRAD_ACTIVATIONS,
): { dz: tf.TensorInfo; db: tf.TensorInfo } {
  const [rows, units] = dy.shape;
  const dz = backend.makeOutput([rows, units], 'float32');
  const db = backend.makeOutput([units], 'float32');
  const at = (info: tf.TensorInfo): number => heapOffset(backend, info);
  kernels.dense_output_grad(at(dy), at(y), at(dz), at(db), rows, units, GRAD_ACTIVATIONS[activation]);
  return { dz, db };
}

/** xᵀ·dz: the weight gradient, a new [in, units] tensor. */
export function wasmWeightGradient({ backend, kernels }: HeapKernels, x: tf.TensorInfo, dz: tf.TensorInfo): tf.TensorInfo {
  const [rows, inUnits] = x.shape;
  const units = dz.shape[1];
  const out = backend.makeOutput([inUnits, units], 'float32');
  const scratch = backend.makeOutput([2 * inUnits + 1 + rows * inUnits], 'int32');
  const at = (info: tf.TensorInfo): number => heapOffset(backend, info);
  kernels.dense_weight_grad(at(x), at(dz), at(out), at(scratch), rows, inUnits, units);
  backend.disposeData(scratch.dataId);
  return out;
}

/** dz·wᵀ: the input gradient, a new [rows, in] tensor. */
export function wasmInputGradient({ backend, kernels }: HeapKernels, dz: tf.TensorInfo, w: tf.TensorInfo): tf.TensorInfo {
  const [rows, units] = dz.shape;
  const inUnits = w.shape[0];
  const out = backend.makeOutput([rows, inUnits], 'float32');
  const scratch = backend.makeOutput([units, inUnits], 'float32');
  const at = (info: tf.TensorInfo): number => heapOffset(backend, info);
  kernels.dense_input_grad(at(dz), at(w), at(scratch), at(out), rows, inUnits, units);
  backend.disposeData(scratch.dataId);
  return out;
}
