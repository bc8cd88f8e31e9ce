/** Loss Lab's WASM kernels together with the tfjs WASM backend whose heap they run on. */
import { isWasmHeapBackend, wasmMemoryOf, type WasmHeapBackend } from './tensor-memory';
import { lossLabWasm, type LossLabWasm } from './wasm-kernels';

export interface HeapKernels {
  backend: WasmHeapBackend;
  kernels: LossLabWasm;
}

/**
 * The kernels on `backend`'s heap, or null: "use tfjs's kernels" (the cpu backend, or a threaded tfjs build
 * whose shared memory the module cannot import).
 */
export function heapKernelsOf(backend: unknown): HeapKernels | null {
  if (!isWasmHeapBackend(backend)) return null;
  const memory = wasmMemoryOf(backend);
  const kernels = memory === null ? null : lossLabWasm(memory);
  return kernels === null ? null : { backend, kernels };
}
