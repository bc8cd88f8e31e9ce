/** Read-side queries of the run store. Statements are prepared once per open database. */
import type BetterSqlite3 from 'better-sqlite3';
import type { ModelConfig } from '../../../shared/model-config';
import type { Evaluation, RunDetail, RunStatus, RunSummary } from '../../../shared/run-types';
import { decodeJson } from './json-codec';
import { type EpochRow, SUMMARY_SELECT, type SummaryRow, toEpoch, toSummary } from './run-rows';
import type { RunFilter, SavedModel } from './store-types';

export interface RunReads {
  summary(id: number): RunSummary | undefined;
  status(id: number): RunStatus | undefined;
  /** Queued runs in creation order, skipping those of paused or cancelled studies. */
  nextQueued(): number[];
  list(filter?: RunFilter): RunSummary[];
  detail(id: number): RunDetail | undefined;
  model(id: number): SavedModel | undefined;
}

interface DetailRow {
  config: string;
  error: string | null;
  evaluation: string | null;
  has_model: number;
  worker_host: string | null;
  worker_version: string | null;
}

interface ModelRow {
  topology: string;
  weight_specs: string;
  weight_data: Buffer;
}

const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC';

const NEXT_QUEUED = `
  SELECT r.id FROM runs r LEFT JOIN studies s ON s.id = r.study_id
  WHERE r.status = 'queued' AND (s.id IS NULL OR s.status NOT IN ('paused', 'cancelled'))
  ORDER BY r.id`;

export function runReads(db: BetterSqlite3.Database): RunReads {
  const summaryById = db.prepare<[number], SummaryRow>(`${SUMMARY_SELECT} WHERE id = ?`);
  const detailById = db.prepare<[number], DetailRow>(`
    SELECT config, error, worker_host, worker_version,
      (SELECT evaluation FROM evaluations WHERE run_id = runs.id) AS evaluation,
      EXISTS (SELECT 1 FROM models WHERE run_id = runs.id) AS has_model
    FROM runs WHERE id = ?`);
  const epochsById = db.prepare<[number], EpochRow>(`
    SELECT epoch, train_loss, train_accuracy, val_loss, val_accuracy, test_loss, test_accuracy, seconds, samples_per_second, layers
    FROM epochs WHERE run_id = ? ORDER BY epoch`);
  const statusById = db.prepare<[number], RunStatus>('SELECT status FROM runs WHERE id = ?').pluck();
  const nextQueued = db.prepare<[], number>(NEXT_QUEUED).pluck();
  const modelById = db.prepare<[number], ModelRow>('SELECT topology, weight_specs, weight_data FROM models WHERE run_id = ?');

  const summary = (id: number): RunSummary | undefined => {
    const row = summaryById.get(id);
    return row && toSummary(row);
  };

  return {
    summary,
    status: (id) => statusById.get(id),
    nextQueued: () => nextQueued.all(),
    list(filter = {}) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.studyId !== undefined) {
        where.push('study_id = ?');
        params.push(filter.studyId);
      }
      if (filter.statuses !== undefined) {
        if (filter.statuses.length === 0) return [];
        where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
        params.push(...filter.statuses);
      }
      const page = filter.limit !== undefined ? ` LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset ?? 0)}` : '';
      const sql = `${SUMMARY_SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${NEWEST_FIRST}${page}`;
      return db
        .prepare<(string | number)[], SummaryRow>(sql)
        .all(...params)
        .map(toSummary);
    },
    // One read transaction, so the summary, epochs and evaluation come from the same snapshot.
    detail: db.transaction((id: number): RunDetail | undefined => {
      const base = summary(id);
      const row = detailById.get(id);
      if (!base || !row) return undefined;
      return {
        ...base,
        config: decodeJson<ModelConfig>(row.config),
        epochs: epochsById.all(id).map(toEpoch),
        evaluation: row.evaluation === null ? null : decodeJson<Evaluation>(row.evaluation),
        error: row.error,
        hasModel: row.has_model === 1,
        ...(row.worker_host === null ? {} : { worker: { host: row.worker_host, version: row.worker_version ?? '?' } }),
      };
    }),
    model(id) {
      const row = modelById.get(id);
      if (!row) return undefined;
      return {
        modelTopology: decodeJson<unknown>(row.topology),
        weightSpecs: decodeJson<unknown[]>(row.weight_specs),
        weightData: new Uint8Array(row.weight_data.buffer, row.weight_data.byteOffset, row.weight_data.byteLength),
      };
    },
  };
}
