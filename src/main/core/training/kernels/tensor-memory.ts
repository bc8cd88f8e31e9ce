/**
 * Direct access to the memory behind a tensor on the tfjs backends Loss Lab's own kernels run on: the WASM
 * backend's heap (a pointer into it) and the cpu backend's typed arrays. Typed by what the kernels use, with
 * guards, so no tfjs-internal class needs importing (which would register its backend as a side effect).
 */
import type * as tf from '@tensorflow/tfjs';
import { isWasmMemory, type WasmMemory } from './wasm-kernels';

/** What a kernel needs of tfjs's WASM backend (`BackendWasm` in @tensorflow/tfjs-backend-wasm). */
export interface WasmHeapBackend {
  wasm: { HEAPF32: Float32Array; HEAP32: Int32Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  refCount(dataId: object): number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** What a kernel needs of tfjs's cpu backend (`MathBackendCPU` in @tensorflow/tfjs-backend-cpu). */
export interface CpuArrayBackend {
  data: { get(dataId: object): { values?: unknown } | undefined };
  refCount(dataId: object): number;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: Float32Array | Int32Array): tf.TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** Either backend Loss Lab's kernels run on. */
export type ArrayBackend = WasmHeapBackend | CpuArrayBackend;

export function arrayBackendOf(backend: unknown, kernel: string): ArrayBackend {
  if (isWasmHeapBackend(backend) || isCpuArrayBackend(backend)) return backend;
  throw new Error(`${kernel}: runs on the wasm and cpu backends only`);
}

/** A tensor's float32 values where they lie (WASM heap view or the cpu array): read, or write before use. */
export function floatsOf(backend: ArrayBackend, info: tf.TensorInfo): Float32Array {
  const values = isWasmHeapBackend(backend) ? heapFloats(backend, info) : cpuValues(backend, info);
  if (!(values instanceof Float32Array)) throw new Error(`expected a float32 tensor, got ${info.dtype}`);
  return values;
}

/**
 * A new float32 tensor of `shape`, filled by `fill` (which may read other tensors: views are made after
 * allocating). On wasm `out` starts with whatever the heap held: `fill` must write every element.
 */
export function newFloats(backend: ArrayBackend, shape: number[], fill: (out: Float32Array) => void): tf.TensorInfo {
  if (isWasmHeapBackend(backend)) {
    const info = backend.makeOutput(shape, 'float32');
    fill(heapFloats(backend, info));
    return info;
  }
  const out = new Float32Array(shape.reduce((x, s) => x * s, 1));
  fill(out);
  return backend.makeTensorInfo(shape, 'float32', out);
}

export function isWasmHeapBackend(backend: unknown): backend is WasmHeapBackend {
  return typeof backend === 'object' && backend !== null && 'dataIdMap' in backend && 'wasm' in backend && 'makeOutput' in backend;
}

export function isCpuArrayBackend(backend: unknown): backend is CpuArrayBackend {
  return typeof backend === 'object' && backend !== null && 'data' in backend && 'makeTensorInfo' in backend && !('wasm' in backend);
}

/** The WebAssembly.Memory tfjs's WASM backend runs on (its emscripten module's `asm.memory`), or null. */
export function wasmMemoryOf(backend: WasmHeapBackend): WasmMemory | null {
  const asm: unknown = Reflect.get(backend.wasm, 'asm');
  const memory: unknown = typeof asm === 'object' && asm !== null ? Reflect.get(asm, 'memory') : null;
  return isWasmMemory(memory) ? memory : null;
}

/** Byte offset of a tensor's data in the WASM heap. */
export function heapOffset(backend: WasmHeapBackend, info: tf.TensorInfo): number {
  const data = backend.dataIdMap.get(info.dataId);
  if (data === undefined) throw new Error('tensor data is not on the WASM heap (disposed?)');
  return data.memoryOffset;
}

/** A float32 view of a tensor's data on the WASM heap (valid until the heap grows: use at once). */
export function heapFloats(backend: WasmHeapBackend, info: tf.TensorInfo): Float32Array {
  const offset = heapOffset(backend, info);
  return backend.wasm.HEAPF32.subarray(offset >>> 2, (offset >>> 2) + sizeOf(info));
}

/** An int32 view of a tensor's data on the WASM heap. */
export function heapInts(backend: WasmHeapBackend, info: tf.TensorInfo): Int32Array {
  const offset = heapOffset(backend, info);
  return backend.wasm.HEAP32.subarray(offset >>> 2, (offset >>> 2) + sizeOf(info));
}

/** The cpu backend's own array for a tensor (the same object tfjs reads: writes change the tensor). */
export function cpuValues(backend: CpuArrayBackend, info: tf.TensorInfo): Float32Array | Int32Array {
  const values = backend.data.get(info.dataId)?.values;
  if (values instanceof Float32Array || values instanceof Int32Array) return values;
  throw new Error(`tensor data of dtype ${info.dtype} is not a float32 or int32 array on the cpu backend`);
}

export function sizeOf(info: tf.TensorInfo): number {
  return info.shape.reduce((a, b) => a * b, 1);
}
