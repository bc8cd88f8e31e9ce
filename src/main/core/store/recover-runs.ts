/** At open: runs left `running` by a process that is gone become `interrupted` (see run-owner.ts). */
import type BetterSqlite3 from 'better-sqlite3';
import { ownerGone, type OwnerRow, type RunOwner } from './run-owner';

/** Message left on a run that was `running` when the process training it stopped without finishing it. */
export const INTERRUPTED_MESSAGE = 'Loss Lab stopped while this run was training; re-queue it to train it again from the start';

/** Marks the running runs whose owner is gone interrupted, in one transaction; returns their ids. */
export function recoverInterrupted(db: BetterSqlite3.Database, self: RunOwner, now = Date.now()): number[] {
  const running = db.prepare<[], OwnerRow & { id: number }>(
    "SELECT id, owner_host, owner_pid, owner_start, owner_token, owner_heartbeat FROM runs WHERE status = 'running' ORDER BY id",
  );
  const interrupt = db.prepare<[string, number]>(
    // The owner columns stay: should the owner still be there after all (a lease misjudged across hosts), it
    // may still record the run's end (see run-writes.ts `finish`).
    "UPDATE runs SET status = 'interrupted', error = ? WHERE id = ? AND status = 'running'",
  );
  return db.transaction(() => {
    const gone = running.all().filter((row) => ownerGone(row, self, now));
    for (const row of gone) interrupt.run(INTERRUPTED_MESSAGE, row.id);
    return gone.map((row) => row.id);
  })();
}
