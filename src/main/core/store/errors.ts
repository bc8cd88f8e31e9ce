/** Errors the store throws: a caller's mistake (NotFoundError, RunStateError) or a database failure (StorageError). */
import { CoreError } from '../errors';

/** The run (or other record) asked for does not exist. */
export class NotFoundError extends CoreError {
  constructor(message: string) {
    super('not_found', message);
    this.name = 'NotFoundError';
  }
}

/** The run is not in a status that allows the change, e.g. re-queueing a completed run. */
export class RunStateError extends CoreError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'RunStateError';
  }
}

export function runNotFound(id: number): NotFoundError {
  return new NotFoundError(`run ${id} does not exist (it may have been deleted)`);
}

/**
 * A database or file could not be read or written (disk full, read-only, permissions…): `unavailable`, since
 * the lab is fine but its storage refuses the work for now. The message names the file and says what to do;
 * `cause` keeps the original error.
 */
export class StorageError extends CoreError {
  /** The original error's code, e.g. `SQLITE_FULL`, `ENOSPC`, `EACCES`. */
  readonly originalCode: string | null;
  constructor(message: string, originalCode: string | null, cause: unknown) {
    super('unavailable', message, { cause });
    this.name = 'StorageError';
    this.originalCode = originalCode;
  }
}

const ADVICE: Record<string, string> = {
  SQLITE_FULL: 'the disk is full: free some space',
  ENOSPC: 'the disk is full: free some space',
  SQLITE_READONLY: 'the data directory is read-only: reading works, changes cannot be saved',
  EROFS: 'the data directory is read-only: reading works, changes cannot be saved',
  SQLITE_CANTOPEN: 'check that the folder exists and that this user may write to it',
  EACCES: 'this user may not write there: check the permissions',
  EPERM: 'this user may not write there: check the permissions',
};

/** The error's code (`SQLITE_FULL`, `ENOSPC`…), also for better-sqlite3's extended codes (`SQLITE_READONLY_DBMOVED`). */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Wraps a failure of reading or writing `path` so its message names the file: `could not <action> <path>:
 * database or disk is full (the disk is full: free some space)`. An error the core raised on purpose (a
 * caller's mistake such as NotFoundError, a check's refusal, an error that is already a StorageError) passes
 * through unchanged.
 */
export function storageError(error: unknown, action: string, path: string): Error {
  if (error instanceof CoreError) return error;
  const code = errorCode(error);
  const base = code === null ? null : (ADVICE[code] ?? ADVICE[code.replace(/_[A-Z]+$/, '')] ?? null);
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(`could not ${action} ${path}: ${message}${base ? ` (${base})` : ''}`, code, error);
}
