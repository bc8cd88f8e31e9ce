/**
 * Writes that change a study with its runs, each one transaction: all of it is stored, or none. The studies
 * code decides what a change means (which runs a resume re-queues); these functions only make it atomic.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RunStatus } from '../../../shared/run-types';
import type { ChosenStudyStatus, NewStudy } from './record-types';
import type { NewStudyRun } from './store-types';
import type { RunReads } from './run-reads';
import type { RunWrites } from './run-writes';
import { insertStudy, readStudies, removeStudy, writeStudyStatus } from './study-rows';

export interface StudyWrites {
  create(study: NewStudy, runs: readonly NewStudyRun[]): number;
  setStatus(id: number, status: ChosenStudyStatus, requeue: readonly RunStatus[]): void;
  requeueRunsOfRunningStudies(statuses: readonly RunStatus[]): number[];
  remove(id: number): number;
}

export function studyWrites(db: BetterSqlite3.Database, reads: RunReads, writes: RunWrites): StudyWrites {
  const deleteRuns = db.prepare<[number]>('DELETE FROM runs WHERE study_id = ?');

  return {
    create: db.transaction((study: NewStudy, runs: readonly NewStudyRun[]): number => {
      const studyId = insertStudy(db, { ...study, status: 'running', createdAt: new Date().toISOString() });
      for (const run of runs) writes.create({ ...run, studyId });
      return studyId;
    }),
    setStatus: db.transaction((id: number, status: ChosenStudyStatus, requeue: readonly RunStatus[]): void => {
      writeStudyStatus(db, id, status);
      if (status === 'running') for (const run of reads.list({ studyId: id, statuses: [...requeue] })) writes.requeue(run.id);
      if (status !== 'cancelled') return;
      for (const run of reads.list({ studyId: id, statuses: ['queued'] })) writes.finish(run.id, { status: 'stopped' });
    }),
    requeueRunsOfRunningStudies: db.transaction((statuses: readonly RunStatus[]): number[] => {
      const ids: number[] = [];
      for (const row of readStudies(db).filter((r) => r.status === 'running')) {
        for (const run of reads.list({ studyId: row.id, statuses: [...statuses] })) ids.push(writes.requeue(run.id).id);
      }
      return ids.sort((a, b) => a - b);
    }),
    // The runs are deleted by study rather than by ON DELETE CASCADE, which needs `PRAGMA foreign_keys`.
    remove: db.transaction((id: number): number => {
      deleteRuns.run(id);
      return removeStudy(db, id);
    }),
  };
}
