import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPreset } from '@shared/presets';
import type { RunStatus } from '@shared/run-types';
import { createLabEvents } from '@core/lab/lab-events';
import { createRunScheduler, type RunScheduler } from '@core/lab/run-scheduler';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';
import { onDatabase } from '@support/store';

/**
 * The connections better-sqlite3 opens, by file: a full disk is a per-connection limit (`max_page_count`), so
 * the fault must be set on the store's own connection, which the store (rightly) does not hand out.
 */
const connections = vi.hoisted(() => new Map<string, BetterSqlite3.Database>());
vi.mock('better-sqlite3', async (importOriginal) => {
  const { default: Database } = await importOriginal<{ default: typeof BetterSqlite3 }>();
  class RecordedDatabase extends Database {
    constructor(...args: ConstructorParameters<typeof BetterSqlite3>) {
      super(...args);
      connections.set(this.name, this);
    }
  }
  return { default: RecordedDatabase };
});

const quick = { ...findPreset('example-3')!.config, batchSize: 128 };
let fixture: RegistryFixture | undefined;
let scheduler: RunScheduler | undefined;
afterEach(async () => {
  await scheduler?.close();
  fixture?.dispose();
});

/** A scheduler over a fresh data folder; `finished(runId)` resolves with the first final status announced. */
async function setUp() {
  fixture = await openRegistryFixture('loss-lab-record-');
  const events = createLabEvents((error) => {
    throw error;
  });
  scheduler = createRunScheduler({ store: fixture.store, datasets: fixture.registry, events, workers: 1, resumeQueued: true });
  const finished = (runId: number) =>
    new Promise<RunStatus>((resolve) =>
      events.subscribe((event, payload) => {
        const p = payload as { runId: number; status: RunStatus };
        if (event === 'runs:status' && p.runId === runId && !['queued', 'running'].includes(p.status)) resolve(p.status);
      }),
    );
  return { store: fixture.store, events, scheduler, finished };
}

describe('a run whose results cannot be recorded', () => {
  it('ends failed, saying the disk is full and which file, when its epoch cannot be written', async () => {
    const { store, scheduler, finished } = await setUp();
    // The fault, planted in the file: the database refuses epoch 2 as a full disk would.
    onDatabase(store.dbPath, (db) =>
      db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON epochs WHEN NEW.epoch = 2 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"),
    );
    const run = store.createRun({ name: 'epoch fault', presetId: null, studyId: null, datasetId: 'mnist-embedded', config: { ...quick, epochs: 3 } });
    scheduler.enqueue([run.id]);
    expect(await finished(run.id)).toBe('failed');
    const detail = store.getRun(run.id)!;
    expect(detail.status).toBe('failed');
    expect(detail.error).toMatch(/^training stopped: could not record epoch 2: could not write to the database .*lab\.sqlite: database or disk is full/);
    expect(detail.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(detail.evaluation).toBeNull();
  });

  it('ends failed with the reason, keeping its epochs, when the disk fills before its end is written', async () => {
    const { store, events, scheduler, finished } = await setUp();
    const run = store.createRun({ name: 'end fault', presetId: null, studyId: null, datasetId: 'mnist-embedded', config: { ...quick, epochs: 2 } });
    // The fault: after the last epoch, the database may grow by two pages only (SQLite's own SQLITE_FULL),
    // so the model's weights (400 kB) cannot be written but a one-row update can.
    events.subscribe((event, payload) => {
      if (event === 'runs:epoch' && (payload as { metrics: { epoch: number } }).metrics.epoch === 2) {
        const db = connections.get(store.dbPath);
        if (!db) throw new Error(`no connection to ${store.dbPath} was recorded`);
        db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
      }
    });
    scheduler.enqueue([run.id]);
    expect(await finished(run.id)).toBe('failed');
    const detail = store.getRun(run.id)!;
    expect(detail).toMatchObject({ status: 'failed', epochsDone: 2, hasModel: false, evaluation: null });
    expect(detail.error).toMatch(
      /^could not record the end of this run \(completed\): could not write to the database .*lab\.sqlite: database or disk is full \(the disk is full: free some space\)$/,
    );
  });
});
