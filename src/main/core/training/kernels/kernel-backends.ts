/**
 * Which backends run Loss Lab's own kernels, and whether they are registered there yet. Answers only:
 * `registerLossLabKernels` (kernels/index.ts) registers them, once the backend is chosen (`initBackend`).
 */

/** Backends Loss Lab's kernels exist for: wasm (SIMD on the tfjs heap) and the cpu fallback. */
export const LOSS_LAB_KERNEL_BACKENDS: readonly string[] = ['wasm', 'cpu'];

const registered = new Set<string>();

/** Records that the kernels are registered for `backendName` (called by `registerLossLabKernels` only). */
export function markKernelsRegistered(backendName: string): void {
  registered.add(backendName);
}

/** Whether the training code should use Loss Lab's kernels on `backendName`: they exist for it and are registered. */
export function hasLossLabKernels(backendName: string): boolean {
  return LOSS_LAB_KERNEL_BACKENDS.includes(backendName) && registered.has(backendName);
}
