import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, NotFoundError, openStore, RunStateError, type RunStore } from '@core/store';
import { epochMetrics, evaluation, newRun, onDatabase, tempDbPath } from '@support/store';

describe('run store', () => {
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

  const count = (table: string): number => onDatabase(temp.dbPath, (db) => db.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get() ?? -1);
  const userVersion = (): unknown => onDatabase(temp.dbPath, (db) => db.pragma('user_version', { simple: true }));
  const newStudy = { name: 's', builtinId: null, datasetId: 'mnist-embedded', seeds: 1, configurations: [] };

  it('migrates an empty database to the latest schema version, with WAL and foreign keys', () => {
    expect(userVersion()).toBe(MIGRATIONS.length);
    expect(onDatabase(temp.dbPath, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    // The store's own connection enforces foreign keys (a per-connection pragma): a run of no study is refused.
    expect(() => store.createRun(newRun({ studyId: 999 }))).toThrow(/FOREIGN KEY constraint failed/);
    const tables = onDatabase(temp.dbPath, (db) => db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all());
    expect(tables).toEqual(expect.arrayContaining(['datasets', 'epochs', 'evaluations', 'models', 'runs', 'studies']));
    store.close();
    store = openStore(temp.dbPath);
    expect(userVersion()).toBe(MIGRATIONS.length);
    expect(store.recovered).toEqual([]);
  });

  it('creates, renames, annotates and deletes runs', () => {
    const run = store.createRun(newRun());
    expect(run).toMatchObject({ id: 1, status: 'queued', backend: null, loss: 'mse', hiddenActivation: 'tanh', outputActivation: 'tanh' });
    expect(run).toMatchObject({ seed: 1, epochsPlanned: 10, epochsDone: 0, finalTestAccuracy: null, notes: '', durationSeconds: null });
    expect(Number.isNaN(Date.parse(run.createdAt))).toBe(false);
    expect(store.updateRun(run.id, { name: 'Renamed', notes: 'tanh saturates' })).toMatchObject({ name: 'Renamed', notes: 'tanh saturates' });
    expect(store.updateRun(run.id, { notes: 'only notes' })).toMatchObject({ name: 'Renamed', notes: 'only notes' });
    expect(store.updateRun(999, { name: 'x' })).toBeUndefined();
    expect(store.getRun(run.id)?.config).toEqual(newRun().config);
    expect(store.deleteRun(run.id)).toBe(true);
    expect(store.deleteRun(run.id)).toBe(false);
    expect(store.getRun(run.id)).toBeUndefined();
  });

  it('round-trips a run through running, epochs and a finish with evaluation and model', () => {
    const { id } = store.createRun(newRun());
    const running = store.markRunning(id, 'wasm');
    expect(running).toMatchObject({ status: 'running', backend: 'wasm' });
    expect(running.startedAt).not.toBeNull();
    store.appendEpoch(id, epochMetrics(1));
    store.appendEpoch(id, epochMetrics(2, { valLoss: null, valAccuracy: null }));
    store.appendEpoch(
      id,
      epochMetrics(3, {
        trainLoss: Number.NaN,
        layers: [{ layer: 'output', activation: 'tanh', gradientNorm: Number.POSITIVE_INFINITY, saturatedFraction: null, deadFraction: null }],
      }),
    );
    expect(store.listRuns()[0]).toMatchObject({ epochsDone: 3, lastValAccuracy: epochMetrics(3).valAccuracy });

    const weightData = Uint8Array.from({ length: 4096 }, (_, i) => (i * 13) % 256);
    const model = {
      modelTopology: { class_name: 'Sequential', config: { layers: [] } },
      weightSpecs: [{ name: 'dense1/kernel', shape: [784, 128], dtype: 'float32' }],
      weightData,
    };
    const finished = store.finishRun(id, { status: 'completed', evaluation: evaluation(0.93), model });
    expect(finished).toMatchObject({ status: 'completed', finalTestAccuracy: 0.93, epochsDone: 3 });
    expect(finished.durationSeconds).toBe((Date.parse(finished.finishedAt ?? '') - Date.parse(finished.startedAt ?? '')) / 1000);

    const detail = store.getRun(id);
    expect(detail?.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(detail?.epochs[0]).toEqual(epochMetrics(1));
    expect(detail?.epochs[1]).toMatchObject({ valLoss: null, valAccuracy: null });
    expect(detail?.epochs[2].trainLoss).toBeNaN();
    expect(detail?.epochs[2].layers[0].gradientNorm).toBe(Number.POSITIVE_INFINITY);
    expect(detail?.evaluation).toEqual(evaluation(0.93));
    expect(detail).toMatchObject({ hasModel: true, error: null });

    const saved = store.getModel(id);
    expect(saved?.modelTopology).toEqual(model.modelTopology);
    expect(saved?.weightSpecs).toEqual(model.weightSpecs);
    expect(saved?.weightData).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(saved?.weightData ?? []).equals(weightData)).toBe(true);
  });

  it('refuses transitions that make no sense, naming the run', () => {
    const { id } = store.createRun(newRun());
    expect(() => store.appendEpoch(99, epochMetrics(1))).toThrow(NotFoundError);
    expect(() => store.markRunning(99, 'cpu')).toThrow('run 99 does not exist (it may have been deleted)');
    expect(() => store.requeueRun(id)).toThrow(RunStateError);
    const started = store.markRunning(id, null);
    expect(started).toMatchObject({ status: 'running', backend: null });
    // Called again once the worker knows its backend: records it, keeps the first start time.
    expect(store.markRunning(id, 'cpu')).toMatchObject({ status: 'running', backend: 'cpu', startedAt: started.startedAt });
    store.appendEpoch(id, epochMetrics(1));
    expect(() => store.appendEpoch(id, epochMetrics(1))).toThrow(/already has epoch 1/);
    expect(() => store.finishRun(id, { status: 'running' })).toThrow(RunStateError);
    store.finishRun(id, { status: 'completed' });
    expect(() => store.finishRun(id, { status: 'failed' })).toThrow(/run 1 is completed/);
    expect(() => store.requeueRun(id)).toThrow(/only a run that is interrupted or stopped or failed or diverged/);
    expect(() => store.markRunning(id, 'cpu')).toThrow(/run 1 is completed/);
  });

  it('requeues a failed run, clearing its epochs, evaluation, model and error', () => {
    const { id } = store.createRun(newRun());
    store.markRunning(id, 'tensorflow');
    store.appendEpoch(id, epochMetrics(1));
    store.finishRun(id, {
      status: 'diverged',
      error: 'loss became NaN at epoch 2',
      evaluation: evaluation(),
      model: { modelTopology: {}, weightSpecs: [], weightData: new Uint8Array(8) },
    });
    expect(store.getRun(id)).toMatchObject({ status: 'diverged', error: 'loss became NaN at epoch 2' });
    const requeued = store.requeueRun(id);
    expect(requeued).toMatchObject({
      status: 'queued',
      backend: null,
      epochsDone: 0,
      finalTestAccuracy: null,
      lastValAccuracy: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(store.getRun(id)).toMatchObject({ epochs: [], evaluation: null, error: null, hasModel: false });
    expect(store.getModel(id)).toBeUndefined();
    expect([count('epochs'), count('evaluations'), count('models')]).toEqual([0, 0, 0]);
  });

  it('deletes cascade to epochs, evaluation and model, and a study deletes its runs', () => {
    const { id } = store.createRun(newRun());
    store.markRunning(id, 'cpu');
    store.appendEpoch(id, epochMetrics(1));
    store.appendEpoch(id, epochMetrics(2));
    store.finishRun(id, { status: 'completed', evaluation: evaluation(), model: { modelTopology: {}, weightSpecs: [], weightData: new Uint8Array(16) } });
    const other = store.createRun(newRun());
    store.markRunning(other.id, 'cpu');
    store.appendEpoch(other.id, epochMetrics(1));
    expect([count('epochs'), count('evaluations'), count('models')]).toEqual([3, 1, 1]);
    expect(store.deleteRun(id)).toBe(true);
    expect([count('epochs'), count('evaluations'), count('models')]).toEqual([1, 0, 0]);

    const studyId = store.insertStudy({ ...newStudy, seeds: 2 }, []);
    const inStudy = store.createRun(newRun({ studyId }));
    expect(store.listRuns({ studyId }).map((r) => r.id)).toEqual([inStudy.id]);
    // The schema's ON DELETE CASCADE, on a connection that enforces foreign keys as the store's does.
    onDatabase(temp.dbPath, (db) => {
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM studies WHERE id = ?').run(studyId);
    });
    expect(store.getRun(inStudy.id)).toBeUndefined();
  });

  it('lists 1,000 runs newest first, filtered by study and status', () => {
    const studyId = store.insertStudy({ ...newStudy, datasetId: 'd' }, []);
    for (let i = 0; i < 1000; i++) {
      const { id } = store.createRun(newRun({ name: `run ${i}`, studyId: i % 4 === 0 ? studyId : null }));
      if (i % 10 === 0) {
        store.markRunning(id, 'cpu');
        store.finishRun(id, {
          status: 'completed',
          evaluation: evaluation(0.9),
          model: { modelTopology: {}, weightSpecs: [], weightData: new Uint8Array(1 << 14) },
        });
      }
    }
    const all = store.listRuns();
    expect(all).toHaveLength(1000);
    expect(all[0].name).toBe('run 999');
    expect(all.at(-1)?.name).toBe('run 0');
    for (let i = 1; i < all.length; i++) expect(all[i - 1].createdAt >= all[i].createdAt).toBe(true);
    expect(store.listRuns({ studyId })).toHaveLength(250);
    expect(store.listRuns({ statuses: ['completed'] }).every((r) => r.finalTestAccuracy === 0.9)).toBe(true);
    expect(store.listRuns({ statuses: ['completed'] })).toHaveLength(100);
    expect(store.listRuns({ studyId, statuses: ['completed', 'queued'] })).toHaveLength(250);
    expect(store.listRuns({ statuses: [] })).toEqual([]);
  });

  it('registers datasets and lists them oldest first', () => {
    const info = (id: string, createdAt: string) => ({ id, name: id, kind: 'idx' as const, trainSize: 1, testSize: 1, classNames: [], source: 's', createdAt });
    store.saveDataset(info('b', '2026-02-01T00:00:00.000Z'), '/data/b.bin');
    store.saveDataset(info('a', '2026-01-01T00:00:00.000Z'), '/data/a.bin');
    store.saveDataset(info('b', '2026-02-01T00:00:00.000Z'), '/data/b2.bin');
    expect(store.listDatasets().map((d) => [d.info.id, d.cachePath])).toEqual([
      ['a', '/data/a.bin'],
      ['b', '/data/b2.bin'],
    ]);
  });
});
