/**
 * A database written by schema version 1 (validation split, no per-epoch test columns) opens with the current
 * `openStore`, and its runs read and export as they did: validation figures, empty test columns. Charting such
 * epochs (test null) is covered by test/unit/renderer/charts/curves.test.ts ("draws an old run …"), since the
 * renderer's chart builders compile in the web project.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openStore, type RunStore } from '@core/store';
import { epochsCsv } from '@core/studies/report/epochs-csv';
import { PRESETS } from '@shared/presets';
import { evaluation, onDatabase, tempDbPath } from '@support/store';

/** Writes the schema-1 SQL and one completed run of 3 epochs the way Loss Lab 0.1 recorded it. */
function writeSchemaOneDatabase(path: string): number {
  const db = new Database(path);
  db.exec(MIGRATIONS[0]);
  db.pragma('user_version = 1');
  const oldConfig = { ...PRESETS[0].config, validationSplit: 0.1 };
  const runId = Number(
    db
      .prepare(
        `INSERT INTO runs (name, preset_id, study_id, dataset_id, config, status, backend, created_at, started_at, finished_at,
           final_test_accuracy, last_val_accuracy, epochs_done)
         VALUES ('Example 1 (old)', 'example-1', NULL, 'mnist-embedded', ?, 'completed', 'wasm', '2026-01-01T00:00:00.000Z',
           '2026-01-01T00:00:01.000Z', '2026-01-01T00:01:00.000Z', 0.9, 0.89, 3)`,
      )
      .run(JSON.stringify(oldConfig)).lastInsertRowid,
  );
  const layers = JSON.stringify([{ layer: 'dense1', activation: 'tanh', gradientNorm: 0.4, saturatedFraction: 0.1, deadFraction: null }]);
  const insertEpoch = db.prepare(
    `INSERT INTO epochs (run_id, epoch, train_loss, train_accuracy, val_loss, val_accuracy, seconds, samples_per_second, layers)
     VALUES (?, ?, ?, ?, ?, ?, 2, 3600, ?)`,
  );
  for (let epoch = 1; epoch <= 3; epoch++) insertEpoch.run(runId, epoch, 0.1 / epoch, 0.8 + epoch / 50, 0.11 / epoch, [0.81, 0.83, 0.85][epoch - 1], layers);
  db.prepare('INSERT INTO evaluations (run_id, evaluation) VALUES (?, ?)').run(runId, JSON.stringify(evaluation(0.9)));
  db.close();
  return runId;
}

describe('runs recorded by schema version 1', () => {
  let temp: ReturnType<typeof tempDbPath>;
  let store: RunStore;
  let runId: number;
  beforeEach(() => {
    temp = tempDbPath();
    runId = writeSchemaOneDatabase(temp.dbPath);
    store = openStore(temp.dbPath);
  });
  afterEach(() => {
    store.close();
    temp.dispose();
  });

  it('migrate to the current schema and read with validation figures and null per-epoch test', () => {
    expect(onDatabase(temp.dbPath, (db) => db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
    const run = store.getRun(runId);
    expect(run).toMatchObject({ status: 'completed', datasetId: 'mnist-embedded', finalTestAccuracy: 0.9, epochsDone: 3 });
    expect(run?.config.validationSplit).toBe(0.1);
    expect(run?.epochs.map((e) => [e.epoch, e.valAccuracy, e.testLoss, e.testAccuracy])).toEqual([
      [1, 0.81, null, null],
      [2, 0.83, null, null],
      [3, 0.85, null, null],
    ]);
    expect(store.listRuns({}).map((r) => r.id)).toEqual([runId]);
  });

  it('export validation columns filled and test columns empty', () => {
    const run = store.getRun(runId);
    if (!run) throw new Error('run not read');
    const [header, first] = epochsCsv([], [run]).split('\r\n');
    const columns = header.split(',');
    const cells = first.split(',');
    const cell = (name: string): string => cells[columns.indexOf(name)];
    expect([cell('val_accuracy'), cell('test_loss'), cell('test_accuracy'), cell('final_test_accuracy')]).toEqual(['0.81', '', '', '0.9']);
  });

  it('accept new epochs with per-epoch test after the migration', () => {
    const { id } = store.createRun({ name: 'new', presetId: 'example-3', studyId: null, datasetId: 'mnist', config: PRESETS[2].config });
    store.markRunning(id, 'wasm');
    store.appendEpoch(id, {
      epoch: 1,
      trainLoss: 0.2,
      trainAccuracy: 0.94,
      valLoss: null,
      valAccuracy: null,
      testLoss: 0.15,
      testAccuracy: 0.957,
      seconds: 20,
      samplesPerSecond: 3000,
      layers: [],
    });
    expect(store.getRun(id)?.epochs[0]).toMatchObject({ valAccuracy: null, testAccuracy: 0.957 });
  });
});
