/**
 * Stand-ins for tfjs-node registered under its name, `tensorflow`, so the backend choice can be tested where
 * tfjs-node is not installed: one whose kernels throw the way tfjs-node 4.22's do on Node ≥ 23, one that is
 * the cpu backend made slower, one that is the wasm backend (as fast as wasm). Relative imports: a worker
 * thread loads this file too (support/children/fake-native-worker.ts).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendCandidate } from '../../src/main/core/training/backend/candidates';

export type FakeNative = 'throwing' | 'slow' | 'wasm-speed';

/** What tfjs-node 4.22's ops throw on Node 24 (tensorflow/tfjs#8609). */
export const NATIVE_OP_ERROR = '(0 , util_1.isNullOrUndefined) is not a function';

/** Busy-waits `ms` milliseconds: a kernel that is slower, measurably. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Removes any earlier fake, then registers `kind` as the `tensorflow` backend with its kernels. */
export function registerFakeNative(kind: FakeNative): void {
  if (tf.findBackendFactory('tensorflow') !== null) tf.removeBackend('tensorflow');
  for (const k of tf.getKernelsForBackend('tensorflow')) tf.unregisterKernel(k.kernelName, 'tensorflow');
  const source = kind === 'wasm-speed' ? 'wasm' : 'cpu';
  const factory = tf.findBackendFactory(source);
  if (factory === null) throw new Error(`no ${source} backend to build the fake from`);
  tf.registerBackend('tensorflow', factory);
  for (const k of tf.getKernelsForBackend(source)) {
    const kernelFunc: tf.KernelFunc =
      kind === 'throwing'
        ? () => {
            throw new TypeError(NATIVE_OP_ERROR);
          }
        : kind === 'slow'
          ? (args) => {
              spin(0.5);
              return k.kernelFunc(args);
            }
          : k.kernelFunc;
    tf.registerKernel({ ...k, backendName: 'tensorflow', kernelFunc });
  }
}

/** A `tensorflow` candidate for the selector: the fake, registered on load. */
export function fakeNativeCandidate(kind: FakeNative): BackendCandidate {
  return { name: 'tensorflow', load: async () => registerFakeNative(kind) };
}
