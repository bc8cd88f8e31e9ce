/**
 * The process's TensorFlow.js backend, chosen by evidence (select-backend.ts): smoke-stepped, then the fastest
 * measured, or a forced one. One selector per process (or worker thread): backends load and pass their smoke
 * step once per shape, and tfjs switches between them with setBackend.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import { PRESETS } from '../../../../shared/presets';
import { BACKEND_NAMES, type BackendName } from '../../../../shared/run-types';
import { DEFAULT_CANDIDATES, NATIVE_PACKAGE } from './candidates';
import { createBackendSelector, type Selection } from './select-backend';

export const NATIVE_HINT =
  'Native TensorFlow is not installed: run `npm install @tensorflow/tfjs-node` on a machine with internet access to train on the native backend (npm run bench compares them)';

/** The model the lab's own backend (predictions, `lab:info`) is chosen for: the first preset's. */
export const LAB_SHAPE_CONFIG: ModelConfig = PRESETS[0].config;

export interface ActiveBackend extends Selection {
  /** How to get the native backend when it is not the one running; null when it is. */
  hint: string | null;
}

const select = createBackendSelector({ candidates: DEFAULT_CANDIDATES });
let current: Promise<ActiveBackend> | null = null;
let currentPreference: BackendName | undefined;

function hintFor(name: BackendName): string | null {
  if (name === 'tensorflow') return null;
  try {
    createRequire(import.meta.url).resolve(NATIVE_PACKAGE);
    return `Training on ${name}: native TensorFlow is installed but was not chosen (see the backend's reason); npm run bench compares them`;
  } catch {
    return NATIVE_HINT;
  }
}

async function activate(config: ModelConfig, preferred: BackendName | undefined, choicesPath: string | null): Promise<ActiveBackend> {
  const selection = await select({ config, preferred, choicesPath });
  return { ...selection, hint: hintFor(selection.name) };
}

/**
 * Makes a backend active for the lab's own work (predictions; the first preset's shape): `preferred` when it
 * passes its smoke step, else the fastest measured (remembered in `choicesPath` when given). Idempotent: a
 * later call with the same preference, or with none, reuses the backend already chosen.
 */
export async function initBackend(preferred?: BackendName, choicesPath: string | null = null): Promise<ActiveBackend> {
  if (current === null || (preferred !== undefined && preferred !== currentPreference)) {
    currentPreference = preferred;
    const started = activate(LAB_SHAPE_CONFIG, preferred, choicesPath);
    current = started;
    started.catch(() => {
      if (current === started) current = null;
    });
  }
  return current;
}

/**
 * Makes the backend for `config` active, where a run trains (its worker thread): forced, remembered for this
 * shape on this machine in `choicesPath`, or measured now. Rejects only when no backend passes its smoke step.
 */
export async function initBackendFor(config: ModelConfig, preferred: BackendName | undefined, choicesPath: string | null): Promise<ActiveBackend> {
  const chosen = activate(config, preferred, choicesPath);
  // Later initBackend() calls in this thread (a prediction) keep what the run chose.
  currentPreference = preferred;
  current = chosen;
  chosen.catch(() => {
    if (current === chosen) current = null;
  });
  return chosen;
}

/** The active backend as a `BackendName`, or null if it is not one of ours (e.g. webgl). */
export function activeBackend(): BackendName | null {
  const name = tf.getBackend();
  return BACKEND_NAMES.find((n) => n === name) ?? null;
}
