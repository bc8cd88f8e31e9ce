/** The run store: SQLite persistence of runs, their epochs, evaluations and models, and dataset registrations. */
export { openStore, INTERRUPTED_MESSAGE, type OpenStoreOptions } from './open-store';
export { NotFoundError, RunStateError, StorageError, storageError } from './errors';
export { MIGRATIONS } from './migrations';
export type { NewRun, RunFilter, RunOutcome, RunStore, SavedModel } from './store-types';
