/** `openStore`: the SQLite database of runs, epochs, evaluations, models, datasets and studies. */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { messageOf, stderrLogger, type Logger } from '../logger';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { errorCode, storageError } from './errors';
import { migrate, MIGRATIONS } from './migrations';
import { recoverInterrupted } from './recover-runs';
import { createRunStore } from './run-store';
import { claimOwnerIdentity, HEARTBEAT_MS, releaseOwnerIdentity, type RunOwner } from './run-owner';
import type { RunStore } from './store-types';

export { INTERRUPTED_MESSAGE } from './recover-runs';

export interface OpenStoreOptions {
  /** Path of a better_sqlite3.node built for the running ABI (the Electron shell supplies one). */
  nativeBinding?: string;
  /**
   * `true`: open read-only (no recovery, no heartbeat; every write fails with a StorageError). Default:
   * read-write, falling back to read-only when the database exists but cannot be opened for writing.
   */
  readOnly?: boolean;
  /** Where a failing heartbeat is reported, once until it works again (default: stderr). */
  logger?: Logger;
}

/** Codes meaning "this file or folder cannot be written", after which a read-only open is worth trying. */
const NOT_WRITABLE = /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EACCES|EPERM|EROFS)/;

/**
 * Opens (creating if needed, with its folder) the database at `dbPath` and brings its schema up to date.
 * WAL journal with synchronous NORMAL: every committed transaction survives a crash of the process (a power
 * loss may drop the last few). Running runs whose owning process is gone become `interrupted`, listed in
 * `recovered`; runs another live process trains are left alone. Failures name the file (StorageError).
 */
export function openStore(dbPath: string, options: OpenStoreOptions = {}): RunStore {
  if (options.readOnly) return openReadOnly(dbPath, options);
  let db: Database.Database;
  try {
    if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
    db = new Database(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if (NOT_WRITABLE.test(errorCode(error) ?? '') && existsSync(dbPath)) return openReadOnly(dbPath, options);
    throw storageError(error, 'open the database', dbPath);
  }
  const owner = claimOwnerIdentity();
  try {
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    const recovered = recoverInterrupted(db, owner);
    return withHeartbeat(createRunStore(db, { dbPath, owner, recovered, readOnly: false }), owner, options.logger ?? stderrLogger);
  } catch (error) {
    releaseOwnerIdentity(owner);
    db.close();
    if (NOT_WRITABLE.test(errorCode(error) ?? '')) return openReadOnly(dbPath, options);
    throw storageError(error, 'open the database', dbPath);
  }
}

function openReadOnly(dbPath: string, options: OpenStoreOptions): RunStore {
  let db: Database.Database | undefined;
  try {
    db = openReadOnlyDatabase(dbPath, options);
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true });
    if (version !== MIGRATIONS.length) {
      throw new Error(`it has schema version ${String(version)} and this Loss Lab needs ${MIGRATIONS.length}; open it once where it can be written`);
    }
  } catch (error) {
    db?.close();
    throw storageError(error, 'open (read-only) the database', dbPath);
  }
  // Read-only: nothing is recovered or claimed; the identity only serves the store's interface.
  const owner: RunOwner = { host: '', pid: process.pid, start: null, token: '' };
  return createRunStore(db, { dbPath, owner, recovered: [], readOnly: true });
}

/**
 * SQLite reads a WAL database only where it can create the `-shm` index beside it. In a folder this process
 * cannot write, it reads a copy of the file in memory instead (marked as a rollback-journal database, which
 * the in-memory copy is), unless a `-wal` file holds commits the copy would miss.
 */
function openReadOnlyDatabase(dbPath: string, options: OpenStoreOptions): Database.Database {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...binding });
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    if (!/^(SQLITE_READONLY|SQLITE_CANTOPEN)/.test(errorCode(error) ?? '')) throw error;
    const wal = `${dbPath}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw new Error(`its journal ${wal} holds changes not yet in the database; open it once where it can be written`, { cause: error });
    }
    const copy = readFileSync(dbPath);
    // Bytes 18 and 19 of the header: file format read/write versions, 2 for WAL, 1 for rollback journal.
    if (copy.length >= 20) copy.fill(1, 18, 20);
    return new Database(copy, { readonly: true, ...binding });
  }
}

/**
 * Every HEARTBEAT_MS until the store closes: refreshes the heartbeat of the runs this store owns, and marks
 * interrupted the runs of processes that died meanwhile (an app open for days beside a CLI that crashed).
 */
function withHeartbeat(store: RunStore, owner: RunOwner, logger: Logger): RunStore {
  let warned = false;
  const timer = setInterval(() => {
    try {
      store.heartbeat();
      store.recoverGone();
      warned = false;
    } catch (error) {
      if (!warned) logger.warn(`could not refresh the heartbeat of running runs or recover those of ended processes: ${messageOf(error)}`);
      warned = true;
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    ...store,
    close() {
      clearInterval(timer);
      releaseOwnerIdentity(owner);
      store.close();
    },
  };
}
