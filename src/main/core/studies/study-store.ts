/**
 * Studies over the run store: a study row plus one queued run per configuration × seed.
 *
 * Status: the row stores what a person chose (`running`, `paused`, `cancelled`); `completed` and `incomplete`
 * are derived on every read: a running or paused study with runs, none of them queued or running, is completed
 * when every run completed (or diverged), else incomplete. Nothing has to remember to update it when a run
 * finishes, and a re-queued run brings the study back to life.
 */
import { modelConfigSchema } from '../../../shared/model-config';
import type { RunStatus, RunSummary } from '../../../shared/run-types';
import type { StudyStatus, StudySummary } from '../../../shared/study-types';
import { CoreError } from '../errors';
import { NotFoundError } from '../store/errors';
import type { ChosenStudyStatus, NewStudy } from '../store/record-types';
import type { NewStudyRun, RunStore, StudyRow } from '../store/store-types';
import { presetIdFor } from './plan/config-match';
import { seedList } from './plan/expand';

/** A status change the study's current status does not allow (e.g. resuming a cancelled study). */
export class StudyStateError extends CoreError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'StudyStateError';
  }
}

function studyNotFound(id: number): NotFoundError {
  return new NotFoundError(`study ${id} does not exist (it may have been deleted)`);
}

/**
 * Seconds until the last queued run ends: mean duration of the study's completed runs × runs left (queued +
 * running, a running run counted whole) ÷ workers. Null before any run completes, or when the study is
 * paused or cancelled (nothing is scheduled); 0 when nothing is left.
 */
export function estimateEtaSeconds(runs: readonly RunSummary[], workers: number, status: StudyStatus): number | null {
  const left = runs.filter((r) => r.status === 'queued' || r.status === 'running').length;
  if (status === 'paused' || status === 'cancelled') return null;
  if (left === 0) return 0;
  const durations = runs.filter((r) => r.status === 'completed' && r.durationSeconds !== null).map((r) => r.durationSeconds ?? 0);
  if (durations.length === 0) return null;
  const mean = durations.reduce((s, d) => s + d, 0) / durations.length;
  return (mean * left) / Math.max(1, workers);
}

/** Statuses of a study's runs that did not give a result: resuming the study trains them again. */
export const UNFINISHED: readonly RunStatus[] = ['interrupted', 'failed', 'stopped'];

/** The summary of a study row given its runs. `workers`: runs trained at once, for the ETA. */
export function summariseStudy(row: StudyRow, runs: readonly RunSummary[], workers: number): StudySummary {
  const count = (s: RunSummary['status']): number => runs.filter((r) => r.status === s).length;
  const runsQueued = count('queued');
  const runsRunning = count('running');
  const runsCompleted = count('completed');
  const idle = runs.length > 0 && runsQueued === 0 && runsRunning === 0;
  const unfinished = runs.some((r) => UNFINISHED.includes(r.status));
  const status: StudyStatus = row.status !== 'cancelled' && idle ? (unfinished ? 'incomplete' : 'completed') : row.status;
  return {
    id: row.id,
    name: row.name,
    builtinId: row.builtinId,
    datasetId: row.datasetId,
    status,
    seeds: row.seeds,
    createdAt: row.createdAt,
    runsTotal: runs.length,
    runsCompleted,
    runsRunning,
    runsQueued,
    runsOther: runs.length - runsQueued - runsRunning - runsCompleted,
    etaSeconds: estimateEtaSeconds(runs, workers, status),
  };
}

/**
 * Inserts the study and its runs in one transaction: all or nothing. Runs are created seed-major (seed 1 of
 * every configuration, then seed 2, …) so a queue taking the oldest first yields comparable results early.
 */
export function createStudy(store: RunStore, study: NewStudy, workers = 1): StudySummary {
  if (study.configurations.length === 0) throw new RangeError('a study needs at least one configuration');
  for (const c of study.configurations) {
    const parsed = modelConfigSchema.safeParse(c.config);
    if (!parsed.success) throw new RangeError(`configuration ${c.key} cannot train: ${parsed.error.issues[0]?.message}`);
  }
  const runs: NewStudyRun[] = seedList(study.seeds).flatMap((seed) =>
    study.configurations.map((configuration) => ({
      name: `${configuration.label} · seed ${seed}`,
      presetId: presetIdFor(configuration),
      datasetId: study.datasetId,
      config: { ...configuration.config, seed },
    })),
  );
  return getStudySummary(store, store.insertStudy(study, runs), workers);
}

/** The stored row; throws NotFoundError. */
export function getStudyRow(store: RunStore, id: number): StudyRow {
  const row = store.findStudy(id);
  if (!row) throw studyNotFound(id);
  return row;
}

/** Throws NotFoundError. */
export function getStudySummary(store: RunStore, id: number, workers = 1): StudySummary {
  return summariseStudy(getStudyRow(store, id), store.listRuns({ studyId: id }), workers);
}

/** Newest first. */
export function listStudies(store: RunStore, workers = 1): StudySummary[] {
  return store.listStudyRows().map((row) => summariseStudy(row, store.listRuns({ studyId: row.id }), workers));
}

/** Ids of the study's runs, oldest first. Throws NotFoundError. */
export function studyRunIds(store: RunStore, id: number): number[] {
  getStudyRow(store, id);
  return store
    .listRuns({ studyId: id })
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

/**
 * pause (running → paused), resume (paused/incomplete/running → running), cancel (running/paused/incomplete →
 * cancelled), each in one transaction. Resuming re-queues the study's unfinished runs (interrupted by a crash,
 * failed, stopped), so it ends completed only when every planned run has. Cancelling marks the study's queued
 * runs `stopped`; the caller stops the running ones. Setting the current status again is a no-op (but resume
 * still re-queues). Throws NotFoundError, or StudyStateError for any other change.
 */
export function setStudyStatus(store: RunStore, id: number, status: ChosenStudyStatus, workers = 1): StudySummary {
  const current = getStudySummary(store, id, workers);
  if (current.status === status && status !== 'running') return current;
  const allowed: StudyStatus[] =
    status === 'cancelled' ? ['running', 'paused', 'incomplete'] : status === 'paused' ? ['running'] : ['paused', 'incomplete', 'running'];
  if (!allowed.includes(current.status)) {
    throw new StudyStateError(`study ${id} is ${current.status}; it cannot be set to ${status}`);
  }
  store.writeStudyStatus(id, status, UNFINISHED);
  return getStudySummary(store, id, workers);
}

/**
 * At start of a long-lived host (the app, `serve`): runs of running studies that a crash interrupted go back
 * in the queue, so the study trains every planned run. Returns the re-queued run ids.
 */
export function requeueInterruptedStudyRuns(store: RunStore): number[] {
  return store.requeueRunsOfRunningStudies(['interrupted']);
}

/**
 * Deletes the study and its runs with their epochs, evaluations and models, in one transaction. Returns
 * studies deleted (0 or 1). The caller stops the study's running runs first.
 */
export function deleteStudy(store: RunStore, id: number): number {
  return store.deleteStudy(id);
}
