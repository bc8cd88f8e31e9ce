/** `openStore`: the SQLite database of runs, epochs, evaluations, models, datasets and studies. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { decodeJson, encodeJson } from './json-codec';
import { migrate } from './migrations';
import { runReads } from './run-reads';
import { runWrites } from './run-writes';
import type { RunStore } from './store-types';

export interface OpenStoreOptions {
  /** Path of a better_sqlite3.node built for the running ABI (the Electron shell supplies one). */
  nativeBinding?: string;
}

/** Message left on a run that was `running` when the app last stopped without finishing it. */
export const INTERRUPTED_MESSAGE = 'Loss Lab stopped while this run was training; re-queue it to train it again from the start';

/**
 * Opens (creating if needed, with its folder) the database at `dbPath` and brings its schema up to date.
 * WAL journal with synchronous NORMAL: every committed transaction survives a crash of the process (a power
 * loss may drop the last few). Runs left `running` by a crash become `interrupted`, listed in `recovered`.
 */
export function openStore(dbPath: string, options: OpenStoreOptions = {}): RunStore {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    const recovered = recoverInterrupted(db);
    return createRunStore(db, recovered);
  } catch (error) {
    db.close();
    throw error;
  }
}

function recoverInterrupted(db: Database.Database): number[] {
  return db.transaction(() => {
    const ids = db.prepare<[], number>("SELECT id FROM runs WHERE status = 'running' ORDER BY id").pluck().all();
    db.prepare("UPDATE runs SET status = 'interrupted', error = ? WHERE status = 'running'").run(INTERRUPTED_MESSAGE);
    return ids;
  })();
}

function createRunStore(db: Database.Database, recovered: number[]): RunStore {
  const reads = runReads(db);
  const writes = runWrites(db, reads);
  const updateName = db.prepare('UPDATE runs SET name = ? WHERE id = ?');
  const updateNotes = db.prepare('UPDATE runs SET notes = ? WHERE id = ?');
  const deleteById = db.prepare('DELETE FROM runs WHERE id = ?');
  const upsertDataset = db.prepare(`
    INSERT INTO datasets (id, info, cache_path) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET info = excluded.info, cache_path = excluded.cache_path`);
  // Study runs carry their study's dataset, so the runs go by dataset and the emptied studies after them.
  const deleteDatasetStudies = db.prepare('DELETE FROM studies WHERE dataset_id = ?');
  const deleteDatasetRuns = db.prepare('DELETE FROM runs WHERE dataset_id = ?');
  const deleteDatasetRow = db.prepare('DELETE FROM datasets WHERE id = ?');
  const allDatasets = db.prepare<[], { info: string; cache_path: string }>(
    "SELECT info, cache_path FROM datasets ORDER BY json_extract(info, '$.createdAt'), id",
  );

  return {
    db,
    recovered,
    createRun: (run) => writes.create(run),
    markRunning: (id, backend) => writes.markRunning(id, backend),
    appendEpoch: (id, metrics) => writes.appendEpoch(id, metrics),
    finishRun: (id, outcome) => writes.finish(id, outcome),
    requeueRun: (id) => writes.requeue(id),
    listRuns: (filter) => reads.list(filter),
    getRun: (id) => reads.detail(id),
    updateRun: db.transaction((id: number, patch: { name?: string; notes?: string }) => {
      if (patch.name !== undefined) updateName.run(patch.name, id);
      if (patch.notes !== undefined) updateNotes.run(patch.notes, id);
      return reads.summary(id);
    }),
    deleteRun: (id) => deleteById.run(id).changes > 0,
    getModel: (id) => reads.model(id),
    saveDataset: (info: DatasetInfo, cachePath: string) => {
      upsertDataset.run(info.id, encodeJson(info), cachePath);
    },
    deleteDataset: db.transaction((id: string) => {
      const runs = deleteDatasetRuns.run(id).changes;
      const studies = deleteDatasetStudies.run(id).changes;
      deleteDatasetRow.run(id);
      return { runs, studies };
    }),
    listDatasets: () => allDatasets.all().map((row) => ({ info: decodeJson<DatasetInfo>(row.info), cachePath: row.cache_path })),
    close: () => {
      if (db.open) db.close();
    },
  };
}
