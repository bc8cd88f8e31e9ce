/** The `datasets` table (registrations) and what the run and study tables hold on each dataset. */
import type BetterSqlite3 from 'better-sqlite3';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { decodeJson, encodeJson } from './json-codec';
import type { DatasetDeletion, DatasetRecordCounts } from './record-types';

export interface DatasetRows {
  save(info: DatasetInfo, cachePath: string): void;
  list(): { info: DatasetInfo; cachePath: string }[];
  counts(id: string): DatasetRecordCounts;
  remove(id: string, check?: (counts: DatasetRecordCounts) => void): DatasetDeletion;
}

export function datasetRows(db: BetterSqlite3.Database): DatasetRows {
  const upsert = db.prepare(`
    INSERT INTO datasets (id, info, cache_path) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET info = excluded.info, cache_path = excluded.cache_path`);
  const all = db.prepare<[], { info: string; cache_path: string }>("SELECT info, cache_path FROM datasets ORDER BY json_extract(info, '$.createdAt'), id");
  const countRuns = db.prepare<[string], number>('SELECT COUNT(*) FROM runs WHERE dataset_id = ?').pluck();
  const countStudies = db.prepare<[string], number>('SELECT COUNT(*) FROM studies WHERE dataset_id = ?').pluck();
  const countActive = db.prepare<[string], number>("SELECT COUNT(*) FROM runs WHERE dataset_id = ? AND status IN ('queued', 'running')").pluck();
  const runIds = db.prepare<[string], number>('SELECT id FROM runs WHERE dataset_id = ? ORDER BY id').pluck();
  // Study runs carry their study's dataset, so the runs go by dataset and the emptied studies after them.
  const deleteStudies = db.prepare<[string]>('DELETE FROM studies WHERE dataset_id = ?');
  const deleteRuns = db.prepare<[string]>('DELETE FROM runs WHERE dataset_id = ?');
  const deleteRow = db.prepare<[string]>('DELETE FROM datasets WHERE id = ?');

  const counts = (id: string): DatasetRecordCounts => ({
    runs: countRuns.get(id) ?? 0,
    studies: countStudies.get(id) ?? 0,
    active: countActive.get(id) ?? 0,
  });
  const remove = db.transaction((id: string, check?: (counts: DatasetRecordCounts) => void): DatasetDeletion => {
    check?.(counts(id));
    const ids = runIds.all(id);
    const runs = deleteRuns.run(id).changes;
    const studies = deleteStudies.run(id).changes;
    deleteRow.run(id);
    return { runs, studies, runIds: ids };
  });

  return {
    save(info, cachePath) {
      upsert.run(info.id, encodeJson(info), cachePath);
    },
    list: () => all.all().map((row) => ({ info: decodeJson<DatasetInfo>(row.info), cachePath: row.cache_path })),
    counts,
    // IMMEDIATE takes the write lock before `check` reads, so no other process adds a run in between.
    remove: (id, check) => remove.immediate(id, check),
  };
}
