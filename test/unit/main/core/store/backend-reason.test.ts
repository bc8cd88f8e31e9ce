import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openStore, type RunStore } from '@core/store';
import { newRun, tempDbPath } from '@support/store';

const REASON = 'wasm: 1.6× faster than cpu here (1.10 vs 1.76 ms a step, 784-128-10 batch 32), measured 2026-12-02';

describe("a run's backend reason", () => {
  let temp: ReturnType<typeof tempDbPath>;
  let store: RunStore;
  beforeEach(() => {
    temp = tempDbPath();
    store = openStore(temp.dbPath);
  });
  afterEach(() => {
    store.close();
    temp.dispose();
  });

  it('is recorded with the backend, kept by a later start without one, and read in lists and details', () => {
    const { id } = store.createRun(newRun());
    expect(store.markRunning(id, null)).toMatchObject({ backend: null, backendReason: null });
    expect(store.markRunning(id, 'wasm', REASON)).toMatchObject({ backend: 'wasm', backendReason: REASON });
    expect(store.markRunning(id, null)).toMatchObject({ backend: 'wasm', backendReason: REASON });
    expect(store.listRuns()[0].backendReason).toBe(REASON);
    expect(store.getRun(id)?.backendReason).toBe(REASON);
  });

  it('is cleared when the run is queued again or starts over', () => {
    const { id } = store.createRun(newRun());
    store.markRunning(id, 'cpu', 'cpu: forced (--backend or the backend setting); passed its smoke step');
    store.restartRun(id);
    expect(store.getRun(id)).toMatchObject({ backend: null, backendReason: null });
    store.markRunning(id, 'cpu', 'again');
    store.finishRun(id, { status: 'failed', error: 'x' });
    expect(store.requeueRun(id)).toMatchObject({ backend: null, backendReason: null });
  });

  it('is null for runs recorded before schema version 5', () => {
    store.close();
    const db = new BetterSqlite3(temp.dbPath);
    db.exec('ALTER TABLE runs DROP COLUMN backend_reason');
    db.pragma('user_version = 4');
    db.prepare(
      "INSERT INTO runs (name, dataset_id, config, status, backend, created_at) VALUES ('old', 'mnist', ?, 'completed', 'wasm', '2025-01-01T00:00:00.000Z')",
    ).run(JSON.stringify(newRun().config));
    db.close();
    store = openStore(temp.dbPath);
    expect(MIGRATIONS).toHaveLength(5);
    expect(store.listRuns()[0]).toMatchObject({ name: 'old', backend: 'wasm', backendReason: null });
  });
});
