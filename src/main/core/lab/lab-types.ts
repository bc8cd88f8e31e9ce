import type { Channel, EventName, Events, LabInfo, Result } from '../../../shared/contract';
import type { Logger } from '../logger';
import type { BackendName } from '../../../shared/run-types';
import type { HostFiles, LabPaths } from './host-files';
import type { SecretStore } from '../queue/secret-store';

/** What a host (Electron shell, browser-mode server, CLI) supplies to the core. Plain values only. */
export interface LabOptions {
  /** Where the lab reports failures of background work it can neither return nor throw (default: stderr). */
  logger?: Logger;
  /** Folder for the database, dataset caches and exports. Created if missing. */
  dataDir: string;
  host: LabInfo['host'];
  /** Runs trained at once, each in its own worker thread. Default: number of cores. */
  workers?: number;
  /** Path to an Electron-ABI better_sqlite3.node, when the host is Electron. */
  sqliteNativeBinding?: string;
  /** Override of the training worker script (the built app's out/main/training-worker.js). */
  workerUrl?: URL;
  /** Whether runs left queued by an earlier session start now (default true; one-shot CLI commands pass false). */
  resumeQueued?: boolean;
  /** Force a backend (tests, benchmarks); default: the best that loads. */
  preferredBackend?: BackendName;
  /**
   * Train on a queue's workers (`lab worker` on other machines) instead of this process's worker threads:
   * `redis://:PASSWORD@HOST:6379` or `rediss://…`. The lab stays the owner of the history.
   */
  queueUrl?: string;
  /**
   * Honour the app's saved "Run on" choice (run-target.json in the data directory; channels runTarget:get/set),
   * its queue password kept by this store. Without it (and without queueUrl) runs train here.
   */
  runTargetSecrets?: SecretStore;
  /** The desktop host's save and open dialogs; without them exports are downloads and imports are uploads. */
  files?: HostFiles;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** The core behind every channel of the contract. */
export interface Lab {
  /** Validates `request` against the channel's schema, runs it, never throws: errors come back typed. */
  handle(channel: Channel, request: unknown): Promise<Result<unknown>>;
  /** Every event the core emits (training progress, study progress). Returns an unsubscribe. */
  subscribe(listener: EventListener): () => void;
  info(): LabInfo;
  /** Path-taking operations for the command line; not channels, so no renderer can reach them. */
  paths: LabPaths;
  /** Stops running workers (their runs become `interrupted`), closes the database. */
  close(): Promise<void>;
}
