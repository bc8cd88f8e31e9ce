/**
 * Loss Lab's own tfjs kernels. They exist for the wasm backend (the one the app trains on when tfjs-node is
 * absent) and the cpu fallback; on the native `tensorflow` backend each op runs in libtensorflow, whose
 * dispatch is cheap, and the training code keeps tfjs's own ops there.
 */
import { registerAdamKernel } from './adam-kernel';
import { registerDenseKernel } from './dense-kernel';
import { registerOutputLossKernel } from './output-loss-kernel';
import { registerRowsKernel } from './rows-kernel';
import { LOSS_LAB_KERNEL_BACKENDS, markKernelsRegistered } from './kernel-backends';
import { shareIdentityOnWasm } from './shared-identity';

export { hasLossLabKernels, LOSS_LAB_KERNEL_BACKENDS } from './kernel-backends';

/** Registers Loss Lab's kernels for `backendName` where they exist; returns whether it did (idempotent). */
export function registerLossLabKernels(backendName: string): boolean {
  if (!LOSS_LAB_KERNEL_BACKENDS.includes(backendName)) return false;
  registerAdamKernel();
  registerDenseKernel();
  registerOutputLossKernel();
  registerRowsKernel();
  if (backendName === 'wasm') shareIdentityOnWasm();
  markKernelsRegistered(backendName);
  return true;
}
