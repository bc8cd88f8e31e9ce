/** The `studies` table (created by the store's migration 1): rows in and out. */
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { modelConfigSchema } from '../../../shared/model-config';
import type { StudyConfiguration, StudyStatus } from '../../../shared/study-types';

const configurationsSchema = z.array(z.object({ key: z.string(), label: z.string(), config: modelConfigSchema }));

export interface StudyRow {
  id: number;
  name: string;
  builtinId: string | null;
  datasetId: string;
  seeds: number;
  /** As stored: `running`, `paused` or `cancelled` (`completed` and `incomplete` are derived on read, see study-store). */
  status: StudyStatus;
  configurations: StudyConfiguration[];
  createdAt: string;
}

interface RawRow {
  id: number;
  name: string;
  builtin_id: string | null;
  dataset_id: string;
  seeds: number;
  status: string;
  configurations: string;
  created_at: string;
}

const STATUSES: readonly StudyStatus[] = ['running', 'paused', 'completed', 'incomplete', 'cancelled'];

function toRow(raw: RawRow): StudyRow {
  const status = STATUSES.find((s) => s === raw.status);
  if (!status) throw new Error(`study ${raw.id} has an unknown status "${raw.status}" in the database`);
  const configurations = configurationsSchema.safeParse(JSON.parse(raw.configurations));
  if (!configurations.success) throw new Error(`study ${raw.id} has malformed configurations in the database`);
  return {
    id: raw.id,
    name: raw.name,
    builtinId: raw.builtin_id,
    datasetId: raw.dataset_id,
    seeds: raw.seeds,
    status,
    configurations: configurations.data,
    createdAt: raw.created_at,
  };
}

const COLUMNS = 'id, name, builtin_id, dataset_id, seeds, status, configurations, created_at';

export function insertStudy(db: BetterSqlite3.Database, row: Omit<StudyRow, 'id'>): number {
  const info = db
    .prepare('INSERT INTO studies (name, builtin_id, dataset_id, seeds, status, configurations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(row.name, row.builtinId, row.datasetId, row.seeds, row.status, JSON.stringify(row.configurations), row.createdAt);
  return Number(info.lastInsertRowid);
}

export function readStudy(db: BetterSqlite3.Database, id: number): StudyRow | undefined {
  const raw = db.prepare<[number], RawRow>(`SELECT ${COLUMNS} FROM studies WHERE id = ?`).get(id);
  return raw && toRow(raw);
}

/** Newest first. */
export function readStudies(db: BetterSqlite3.Database): StudyRow[] {
  const raws = db.prepare<[], RawRow>(`SELECT ${COLUMNS} FROM studies ORDER BY created_at DESC, id DESC`).all();
  return raws.map(toRow);
}

export function writeStudyStatus(db: BetterSqlite3.Database, id: number, status: StudyStatus): void {
  db.prepare('UPDATE studies SET status = ? WHERE id = ?').run(status, id);
}

/** Deletes the study; its runs go with it (ON DELETE CASCADE). Returns the rows deleted (0 or 1). */
export function removeStudy(db: BetterSqlite3.Database, id: number): number {
  return db.prepare('DELETE FROM studies WHERE id = ?').run(id).changes;
}
