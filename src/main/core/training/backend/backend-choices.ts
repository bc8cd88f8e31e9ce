/**
 * The backend chosen per machine and model shape, remembered in the data dir (`backend-choices.json`) so the
 * steps are timed once, not at every run or restart. A missing or unreadable file is an empty memory: the
 * choice is measured again, never a failed run. Writes go to a temporary file renamed over the old one, so
 * a reader (another worker, another process) sees the old file or the new one, never half of one.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { arch, hostname, platform } from 'node:os';
import { join } from 'node:path';
import type { ModelConfig } from '../../../../shared/model-config';
import { BACKEND_NAMES, type BackendName } from '../../../../shared/run-types';

export const BACKEND_CHOICES_FILE = 'backend-choices.json';

/** What was decided for one shape on one machine. */
export interface BackendChoice {
  backend: BackendName;
  /** One line for people (see select-backend.ts), kept as it was written. */
  reason: string;
  /** ISO-8601. */
  measuredAt: string;
  /** Mean ms a training step took, per backend that passed its smoke step. */
  msPerStep: Partial<Record<BackendName, number>>;
  /** Backends that were not installed then: installing one later makes the choice stale. */
  missing: BackendName[];
}

type ChoicesFile = Record<string, Record<string, BackendChoice>>;

/** The data dir's choices file. */
export const backendChoicesPath = (dataDir: string): string => join(dataDir, BACKEND_CHOICES_FILE);

/** This machine as the file knows it: a data dir copied elsewhere, or another Node (Electron's), measures anew. */
export const machineKey = (): string => `${hostname()} ${platform()}-${arch()} node ${process.versions.node}`;

/** What the speed of a step depends on: the hidden layers' sizes and the batch size. */
export const shapeKey = (config: Pick<ModelConfig, 'hiddenUnits' | 'batchSize'>): string => `784-${config.hiddenUnits.join('-')}-10 batch ${config.batchSize}`;

function isChoice(value: unknown): value is BackendChoice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return BACKEND_NAMES.some((n) => n === v['backend']) && typeof v['reason'] === 'string' && typeof v['measuredAt'] === 'string' && Array.isArray(v['missing']);
}

function readAll(path: string): ChoicesFile {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as ChoicesFile) : {};
  } catch {
    return {};
  }
}

/** The remembered choice for `shape` on this machine, or null. */
export function readBackendChoice(path: string, shape: string, machine: string = machineKey()): BackendChoice | null {
  const found: unknown = readAll(path)[machine]?.[shape];
  return isChoice(found) ? found : null;
}

/** Remembers `choice` for `shape` on this machine, keeping every other entry (re-read just before writing). */
export function writeBackendChoice(path: string, shape: string, choice: BackendChoice, machine: string = machineKey()): void {
  const all = readAll(path);
  all[machine] = { ...all[machine], [shape]: choice };
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(all, null, 2)}\n`);
  renameSync(temporary, path);
}
