/** The RunStore over an open database: every method's storage failure names the database file. */
import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { storageError } from './errors';
import { decodeJson, encodeJson } from './json-codec';
import { recoverInterrupted } from './recover-runs';
import { runReads } from './run-reads';
import type { RunOwner } from './run-owner';
import { runWrites } from './run-writes';
import type { RunStore } from './store-types';

export interface RunStoreSetup {
  dbPath: string;
  owner: RunOwner;
  recovered: number[];
  readOnly: boolean;
}

/** `fn`, with any storage failure rethrown as a StorageError naming `dbPath`. */
function guarded<A extends unknown[], R>(dbPath: string, action: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      throw storageError(error, action, dbPath);
    }
  };
}

export function createRunStore(db: Database.Database, setup: RunStoreSetup): RunStore {
  const { dbPath } = setup;
  const reads = runReads(db);
  const writes = runWrites(db, reads, setup.owner);
  const read = <A extends unknown[], R>(fn: (...args: A) => R) => guarded(dbPath, 'read the database', fn);
  const write = <A extends unknown[], R>(fn: (...args: A) => R) => guarded(dbPath, 'write to the database', fn);
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
    dbPath,
    readOnly: setup.readOnly,
    recovered: setup.recovered,
    createRun: write((run) => writes.create(run)),
    markRunning: write((id, backend, backendReason) => writes.markRunning(id, backend, backendReason)),
    appendEpoch: write((id, metrics) => writes.appendEpoch(id, metrics)),
    restartRun: write((id) => writes.restart(id)),
    recordWorker: write((id, worker) => writes.recordWorker(id, worker)),
    finishRun: write((id, outcome) => writes.finish(id, outcome)),
    failRun: write((id, message) => writes.fail(id, message)),
    requeueRun: write((id) => writes.requeue(id)),
    heartbeat: write(() => writes.heartbeat()),
    recoverGone: write(() => (setup.readOnly ? [] : recoverInterrupted(db, setup.owner))),
    listRuns: read((filter) => reads.list(filter)),
    getRun: read((id) => reads.detail(id)),
    updateRun: write(
      db.transaction((id: number, patch: { name?: string; notes?: string }) => {
        if (patch.name !== undefined) updateName.run(patch.name, id);
        if (patch.notes !== undefined) updateNotes.run(patch.notes, id);
        return reads.summary(id);
      }),
    ),
    deleteRun: write((id: number) => deleteById.run(id).changes > 0),
    getModel: read((id) => reads.model(id)),
    saveDataset: write((info: DatasetInfo, cachePath: string) => {
      upsertDataset.run(info.id, encodeJson(info), cachePath);
    }),
    deleteDataset: write(
      db.transaction((id: string) => {
        const runs = deleteDatasetRuns.run(id).changes;
        const studies = deleteDatasetStudies.run(id).changes;
        deleteDatasetRow.run(id);
        return { runs, studies };
      }),
    ),
    listDatasets: read(() => allDatasets.all().map((row) => ({ info: decodeJson<DatasetInfo>(row.info), cachePath: row.cache_path }))),
    close: () => {
      if (db.open) db.close();
    },
  };
}
