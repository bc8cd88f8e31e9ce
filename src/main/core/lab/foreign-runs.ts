/**
 * Runs this session queued that another process may train (a long-lived `serve` may claim the queued runs of
 * a CLI's study): their status changes happen in that process, so this one polls the database for them and
 * announces each change, and whoever waits here (the CLI) sees them end.
 */
import { FINAL_STATUSES, type RunStatus } from '../../../shared/run-types';
import type { RunStore } from '../store';

/** Milliseconds between two looks at the database. */
export const FOREIGN_POLL_MS = 2000;

export interface ForeignRunWatch {
  /** Follows `runId` until it reaches a final status (the timer keeps the process alive meanwhile). */
  follow(runId: number): void;
  /** Stops following `runId`: this process trains it, and its scheduler announces it. */
  forget(runId: number): void;
  stop(): void;
}

/** `announce(id, status)` is called once per status change seen in the database. */
export function watchForeignRuns(store: RunStore, announce: (runId: number, status: RunStatus) => void): ForeignRunWatch {
  /** Followed run → the status last seen. */
  const followed = new Map<number, RunStatus>();
  let timer: NodeJS.Timeout | null = null;
  const idle = (): void => {
    if (timer && followed.size === 0) {
      clearInterval(timer);
      timer = null;
    }
  };

  const look = (): void => {
    for (const [runId, seen] of [...followed]) {
      let status: RunStatus | undefined;
      try {
        status = store.getRunStatus(runId);
      } catch {
        continue; // busy or unreadable now: look again next time
      }
      if (status === undefined || FINAL_STATUSES.includes(status)) followed.delete(runId);
      else followed.set(runId, status);
      if (status !== undefined && status !== seen) announce(runId, status);
    }
    idle();
  };

  return {
    follow(runId) {
      const status = store.getRunStatus(runId);
      if (status === undefined || FINAL_STATUSES.includes(status)) return;
      followed.set(runId, status);
      timer ??= setInterval(look, FOREIGN_POLL_MS);
    },
    forget(runId) {
      followed.delete(runId);
      idle();
    },
    stop() {
      followed.clear();
      idle();
    },
  };
}
