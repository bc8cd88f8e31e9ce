/** The run store: SQLite persistence of runs (epochs, evaluations, models), studies and dataset registrations. */
export { openStore, INTERRUPTED_MESSAGE, type OpenStoreOptions } from './open-store';
export { NotFoundError, RunStateError, StorageError, storageError } from './errors';
export { MIGRATIONS } from './migrations';
export type { NewRun, NewStudyRun, RunFilter, RunOutcome, RunStore, SavedModel, StudyRow } from './store-types';
export type { ChosenStudyStatus, DatasetDeletion, DatasetRecordCounts, NewStudy } from './record-types';
