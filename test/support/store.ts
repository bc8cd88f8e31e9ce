/** Test helpers for the run store: a throwaway database folder and sample records. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PRESETS } from '../../src/shared/presets';
import type { EpochMetrics, Evaluation } from '../../src/shared/run-types';
import type { NewRun } from '../../src/main/core/store';

/** A new temp folder and the database path inside it; `dispose` deletes the folder. */
export function tempDbPath(): { dir: string; dbPath: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'loss-lab-store-'));
  return { dir, dbPath: join(dir, 'lab.sqlite'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `use` on a connection of the test's own to the database file, closed afterwards: for what the store rightly
 * does not offer (pragmas, raw rows, planted faults). Its writes commit before it returns, so the store sees them.
 */
export function onDatabase<T>(dbPath: string, use: (db: Database.Database) => T): T {
  const db = new Database(dbPath);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return { name: 'Example 1', presetId: 'example-1', studyId: null, datasetId: 'mnist-embedded', config: PRESETS[0].config, ...overrides };
}

export function epochMetrics(epoch: number, overrides: Partial<EpochMetrics> = {}): EpochMetrics {
  return {
    epoch,
    trainLoss: 1 / epoch,
    trainAccuracy: 0.8 + epoch / 100,
    valLoss: 1.1 / epoch,
    valAccuracy: 0.79 + epoch / 100,
    testLoss: 1.2 / epoch,
    testAccuracy: 0.78 + epoch / 100,
    seconds: 2.5,
    samplesPerSecond: 2880,
    layers: [
      { layer: 'dense1', activation: 'tanh', gradientNorm: 0.5 / epoch, saturatedFraction: 0.1, deadFraction: null },
      { layer: 'output', activation: 'tanh', gradientNorm: 0.2, saturatedFraction: 0.02, deadFraction: null },
    ],
    ...overrides,
  };
}

export function evaluation(testAccuracy = 0.91): Evaluation {
  return {
    testLoss: 0.3,
    testAccuracy,
    testSize: 2000,
    confusion: Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 182 : 2))),
    perClass: Array.from({ length: 10 }, (_, label) => ({ label, precision: 0.9, recall: 0.91, f1: 0.905, support: 200 })),
    misclassified: [{ index: 17, trueLabel: 4, predictedLabel: 9, probabilities: [0, 0, 0, 0, 0.3, 0, 0, 0, 0, 0.7] }],
    misclassifiedCount: 180,
  };
}
