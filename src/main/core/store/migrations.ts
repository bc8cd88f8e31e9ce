/**
 * Schema migrations, applied in order; `PRAGMA user_version` holds how many have run. Append new migrations,
 * never edit a released one: databases in the field have already run it.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: the initial schema. Summary columns on `runs` let listing skip the JSON and blob tables entirely.
  `
  CREATE TABLE studies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    builtin_id TEXT NULL,
    dataset_id TEXT NOT NULL,
    seeds INTEGER NOT NULL,
    status TEXT NOT NULL,
    configurations TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    preset_id TEXT NULL,
    study_id INTEGER NULL REFERENCES studies(id) ON DELETE CASCADE,
    dataset_id TEXT NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL,
    backend TEXT NULL,
    error TEXT NULL,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    started_at TEXT NULL,
    finished_at TEXT NULL,
    final_test_accuracy REAL NULL,
    last_val_accuracy REAL NULL,
    epochs_done INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_created_at ON runs (created_at DESC, id DESC);
  CREATE INDEX runs_study_id ON runs (study_id, created_at DESC);
  CREATE INDEX runs_status ON runs (status);
  CREATE TABLE epochs (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    train_loss REAL NULL,
    train_accuracy REAL NULL,
    val_loss REAL NULL,
    val_accuracy REAL NULL,
    seconds REAL NOT NULL,
    samples_per_second REAL NOT NULL,
    layers TEXT NOT NULL,
    PRIMARY KEY (run_id, epoch)
  ) WITHOUT ROWID;
  CREATE TABLE evaluations (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    evaluation TEXT NOT NULL
  );
  CREATE TABLE models (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    topology TEXT NOT NULL,
    weight_specs TEXT NOT NULL,
    weight_data BLOB NOT NULL
  );
  CREATE TABLE datasets (
    id TEXT PRIMARY KEY,
    info TEXT NOT NULL,
    cache_path TEXT NOT NULL
  );
  `,
  // 2: per-epoch evaluation on the test split (null for runs recorded before it).
  `
  ALTER TABLE epochs ADD COLUMN test_loss REAL NULL;
  ALTER TABLE epochs ADD COLUMN test_accuracy REAL NULL;
  `,
  // 3: who trains a running run (see store/run-owner.ts), so opening the store beside a live process never
  // marks that process's runs interrupted. NULL for runs that are not running (and for rows from before).
  `
  ALTER TABLE runs ADD COLUMN owner_host TEXT NULL;
  ALTER TABLE runs ADD COLUMN owner_pid INTEGER NULL;
  ALTER TABLE runs ADD COLUMN owner_start TEXT NULL;
  ALTER TABLE runs ADD COLUMN owner_token TEXT NULL;
  ALTER TABLE runs ADD COLUMN owner_heartbeat INTEGER NULL;
  `,
  // (queue) which machine and Loss Lab version trained a run a queue worker took (NULL for local runs).
  `
  ALTER TABLE runs ADD COLUMN worker_host TEXT NULL;
  ALTER TABLE runs ADD COLUMN worker_version TEXT NULL;
  `,
  // 5: why the run's backend was chosen (measured, a failed smoke step, forced); NULL for rows from before.
  `
  ALTER TABLE runs ADD COLUMN backend_reason TEXT NULL;
  `,
];

/** Brings `db` up to the latest schema, each migration in its own transaction. Returns the new version. */
export function migrate(db: BetterSqlite3.Database): number {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('cannot read the database schema version');
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the database has schema version ${current} but this Loss Lab knows only ${MIGRATIONS.length}: it was written by a newer version; update Loss Lab`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
