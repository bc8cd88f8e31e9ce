/** The backends a run may train on and how each is made available to tfjs (registered under its name). */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../../../shared/run-types';
import { restoreUtilChecks } from './node-util-checks';

/** Held in a variable so TypeScript and the bundler leave the optional package to run time. */
export const NATIVE_PACKAGE: string = '@tensorflow/tfjs-node';

/**
 * One backend to try. `load` registers it with tfjs under `name` (throws when it cannot here, e.g. its package
 * is missing); `installed`, when given, says without loading whether it could: a remembered choice is measured
 * again once a backend that was missing then is installed now.
 */
export interface BackendCandidate {
  name: BackendName;
  load(): Promise<void>;
  installed?(): boolean;
}

/** Whether tfjs-node resolves from here, without loading libtensorflow. */
function nativeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve(NATIVE_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** tfjs-node, after restoring the `util.is*` checks it calls (removed in Node 23; see node-util-checks.ts). */
export const nativeCandidate: BackendCandidate = {
  name: 'tensorflow',
  async load() {
    // Already registered (tfjs-node imported elsewhere in this process): nothing to load.
    if (tf.findBackendFactory('tensorflow') !== null) return;
    restoreUtilChecks();
    if (!nativeInstalled()) throw new Error(`not installed here (${NATIVE_PACKAGE} does not resolve)`);
    await import(NATIVE_PACKAGE);
  },
  installed: nativeInstalled,
};

/** In Node the WASM backend reads its .wasm files from its own dist folder in node_modules. */
export const wasmCandidate: BackendCandidate = {
  name: 'wasm',
  async load() {
    await import('@tensorflow/tfjs-backend-wasm');
  },
};

/** Plain JavaScript: part of @tensorflow/tfjs, always registered. */
export const cpuCandidate: BackendCandidate = { name: 'cpu', load: async () => {} };

/**
 * On its first tensor in Node the cpu backend prints a banner urging tfjs-node (backend_cpu.js, `firstUse`).
 * Here the backend is chosen by measurement and the reason says so: the banner would only mislead.
 */
export function quietFirstUse(backend: object): void {
  if ('firstUse' in backend) (backend as { firstUse: boolean }).firstUse = false;
}

/** The real list, in the order they are tried. */
export const DEFAULT_CANDIDATES: readonly BackendCandidate[] = [nativeCandidate, wasmCandidate, cpuCandidate];
