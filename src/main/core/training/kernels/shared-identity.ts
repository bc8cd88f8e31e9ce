/**
 * tfjs's `Identity` on wasm without a copy. While recording gradients, the engine clones every tensor a
 * gradient needs (`saveTensorsForBackwardMode`: a training step clones the batch, the weights and each
 * layer's output, ~10 tensors, ~1 MB at batch 128), and the WASM backend's Identity copies the data each
 * time. tfjs's cpu and WebGL backends share the data instead, counting references, and tfjs's kernels never
 * write their inputs, so sharing is what the rest of tfjs expects. Loss Lab's one in-place write (Adam's
 * moments) first makes sure the moment owns its data (`ownData` in fused-adam.ts), as it must on cpu.
 */
import * as tf from '@tensorflow/tfjs';
import { isWasmHeapBackend } from './tensor-memory';

/** What sharing needs of the WASM backend besides `WasmHeapBackend`. */
interface RefCounting {
  incRef(dataId: object): void;
}

function hasIncRef(backend: object): backend is RefCounting {
  return typeof Reflect.get(backend, 'incRef') === 'function';
}

const sharedIdentity: tf.KernelFunc = ({ inputs, backend }) => {
  const x = inputs.x;
  if (x === undefined) throw new Error('Identity: input x is missing');
  if (!isWasmHeapBackend(backend) || !hasIncRef(backend)) throw new Error('Identity: registered for the wasm backend only');
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
};

let replaced = false;

/** Replaces the wasm backend's copying Identity with the sharing one (idempotent; string tensors never train). */
export function shareIdentityOnWasm(): void {
  if (replaced || tf.getKernel('Identity', 'wasm') === undefined) return;
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({ kernelName: 'Identity', backendName: 'wasm', kernelFunc: sharedIdentity });
  replaced = true;
}
