/**
 * Loss Lab's own tfjs kernels. They exist for the wasm backend (the one the app trains on when tfjs-node is
 * absent) and the cpu fallback; on the native `tensorflow` backend each op runs in libtensorflow, whose
 * dispatch is cheap, and the training code keeps tfjs's own ops there.
 */
import { registerAdamKernel } from './adam-kernel';
import { registerDenseKernel } from './dense-kernel';
import { registerOutputLossKernel } from './output-loss-kernel';
import { registerRowsKernel } from './rows-kernel';
import { shareIdentityOnWasm } from './shared-identity';

/** Backends Loss Lab's kernels are registered for. */
export const LOSS_LAB_KERNEL_BACKENDS: readonly string[] = ['wasm', 'cpu'];

/** Whether the training code should use Loss Lab's kernels on `backendName` (registering them if so). */
export function useLossLabKernels(backendName: string): boolean {
  if (!LOSS_LAB_KERNEL_BACKENDS.includes(backendName)) return false;
  registerAdamKernel();
  registerDenseKernel();
  registerOutputLossKernel();
  registerRowsKernel();
  if (backendName === 'wasm') shareIdentityOnWasm();
  return true;
}
