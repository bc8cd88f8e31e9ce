/** The RunStore over an open database: every method's storage failure names the database file. */
import type Database from 'better-sqlite3';
import { datasetRows } from './dataset-rows';
import { storageError } from './errors';
import { recoverInterrupted } from './recover-runs';
import { runReads } from './run-reads';
import type { RunOwner } from './run-owner';
import { runWrites } from './run-writes';
import type { RunStore } from './store-types';
import { readStudies, readStudy } from './study-rows';
import { studyWrites } from './study-writes';

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
  const studies = studyWrites(db, reads, writes);
  const datasets = datasetRows(db);
  const read = <A extends unknown[], R>(fn: (...args: A) => R) => guarded(dbPath, 'read the database', fn);
  const write = <A extends unknown[], R>(fn: (...args: A) => R) => guarded(dbPath, 'write to the database', fn);
  const updateName = db.prepare('UPDATE runs SET name = ? WHERE id = ?');
  const updateNotes = db.prepare('UPDATE runs SET notes = ? WHERE id = ?');
  const deleteById = db.prepare('DELETE FROM runs WHERE id = ?');

  return {
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
    getRunSummary: read((id) => reads.summary(id)),
    getRunStatus: read((id) => reads.status(id)),
    listQueuedRunIds: read(() => reads.nextQueued()),
    updateRun: write(
      db.transaction((id: number, patch: { name?: string; notes?: string }) => {
        if (patch.name !== undefined) updateName.run(patch.name, id);
        if (patch.notes !== undefined) updateNotes.run(patch.notes, id);
        return reads.summary(id);
      }),
    ),
    deleteRun: write((id: number) => deleteById.run(id).changes > 0),
    getModel: read((id) => reads.model(id)),
    insertStudy: write((study, runs) => studies.create(study, runs)),
    findStudy: read((id) => readStudy(db, id)),
    listStudyRows: read(() => readStudies(db)),
    writeStudyStatus: write((id, status, requeue) => studies.setStatus(id, status, requeue)),
    requeueRunsOfRunningStudies: write((statuses) => studies.requeueRunsOfRunningStudies(statuses)),
    deleteStudy: write((id) => studies.remove(id)),
    saveDataset: write((info, cachePath) => datasets.save(info, cachePath)),
    listDatasets: read(() => datasets.list()),
    countDatasetRecords: read((id) => datasets.counts(id)),
    deleteDataset: write((id, check) => datasets.remove(id, check)),
    close: () => {
      if (db.open) db.close();
    },
  };
}
