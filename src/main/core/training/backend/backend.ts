/** Chooses the fastest available TensorFlow.js backend: native tfjs-node, else WASM, else plain JS. */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../../../shared/run-types';
import { registerLossLabKernels } from '../kernels';

export const NATIVE_HINT =
  'Native TensorFlow is not installed: run `npm install @tensorflow/tfjs-node` on a machine with internet access to train on the native backend (npm run bench compares them)';

/** Held in a variable so TypeScript and the bundler leave the optional package to run time. */
const NATIVE_PACKAGE: string = '@tensorflow/tfjs-node';

const ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

let current: Promise<{ name: BackendName; hint: string | null }> | null = null;
let currentPreference: BackendName | undefined;

/** Registers a backend's implementation; false when its package is missing or cannot load here. */
async function register(name: BackendName): Promise<boolean> {
  try {
    if (name === 'tensorflow') await import(NATIVE_PACKAGE);
    // In Node the WASM backend reads its .wasm files from its own dist folder in node_modules.
    if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    return true;
  } catch {
    return false;
  }
}

/** Whether tfjs-node is installed, without loading libtensorflow. */
function nativeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve(NATIVE_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

function hintFor(name: BackendName): string {
  if (nativeInstalled() && tf.findBackend('tensorflow') === null) {
    return `Training on ${name}: native TensorFlow is installed but was not chosen or could not load; npm run bench compares the two`;
  }
  return NATIVE_HINT;
}

async function select(preferred: BackendName | undefined): Promise<{ name: BackendName; hint: string | null }> {
  const candidates = preferred ? [preferred, ...ORDER.filter((n) => n !== preferred)] : ORDER;
  for (const name of candidates) {
    if (!(await register(name))) continue;
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        registerLossLabKernels(name);
        return { name, hint: name === 'tensorflow' ? null : hintFor(name) };
      }
    } catch {
      // This backend cannot initialise here (e.g. no WebAssembly): try the next.
    }
  }
  throw new Error('no TensorFlow.js backend could be initialised (tried tensorflow, wasm, cpu)');
}

/**
 * Makes `preferred` (or the fastest available) the active backend and resolves with its name and a hint on
 * getting the native backend (null when it runs). Idempotent: later calls with the same preference reuse it.
 */
export async function initBackend(preferred?: BackendName): Promise<{ name: BackendName; hint: string | null }> {
  if (current === null || preferred !== currentPreference) {
    currentPreference = preferred;
    current = select(preferred);
    current.catch(() => {
      current = null;
    });
  }
  return current;
}

/** The active backend as a `BackendName`, or null if it is not one of ours (e.g. webgl). */
export function activeBackend(): BackendName | null {
  const name = tf.getBackend();
  return ORDER.find((n) => n === name) ?? null;
}
