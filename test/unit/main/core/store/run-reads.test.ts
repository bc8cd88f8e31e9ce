import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunDetail, RunSummary } from '@shared/run-types';
import { openStore, type RunStore } from '@core/store';
import { epochMetrics, evaluation, newRun, onDatabase, tempDbPath } from '@support/store';

/**
 * How the lab derived a run's summary before getRunSummary: the whole detail minus the fields a summary lacks.
 * (That also left in `worker`, a detail field RunSummary does not have; the `workerHost` it does have stays.)
 */
function summaryFromDetail(detail: RunDetail): RunSummary {
  const { config: _config, epochs: _epochs, evaluation: _evaluation, error: _error, hasModel: _hasModel, worker: _worker, ...summary } = detail;
  return summary;
}

const HEAVY = ['config', 'epochs', 'evaluation', 'error', 'hasModel', 'worker'];
const model = { modelTopology: { layers: 2 }, weightSpecs: [], weightData: new Uint8Array(64) };

describe('run reads', () => {
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

  /** One run in each state a summary is read in: queued, running with epochs, completed, failed, queue-trained. */
  function runsInEveryState(): number[] {
    const queued = store.createRun(newRun({ name: 'queued' })).id;
    const running = store.createRun(newRun({ name: 'running' })).id;
    store.markRunning(running, 'cpu');
    store.appendEpoch(running, epochMetrics(1));
    const completed = store.createRun(newRun({ name: 'completed' })).id;
    store.markRunning(completed, 'wasm');
    store.appendEpoch(completed, epochMetrics(1));
    store.finishRun(completed, { status: 'completed', evaluation: evaluation(0.93), model });
    store.updateRun(completed, { notes: 'kept' });
    const failed = store.createRun(newRun({ name: 'failed' })).id;
    store.failRun(failed, 'out of memory');
    const remote = store.createRun(newRun({ name: 'remote' })).id;
    store.markRunning(remote, 'cpu');
    store.recordWorker(remote, { host: 'lab-server', version: '1.2.3' });
    store.finishRun(remote, { status: 'completed', evaluation: evaluation(0.9) });
    return [queued, running, completed, failed, remote];
  }

  it('getRunSummary gives the summary the whole detail gave, and the list entry, without the heavy fields', () => {
    const ids = runsInEveryState();
    const listed = new Map(store.listRuns().map((r) => [r.id, r]));
    for (const id of ids) {
      const summary = store.getRunSummary(id);
      expect(summary).toEqual(summaryFromDetail(store.getRun(id)!));
      expect(summary).toEqual(listed.get(id));
      expect(Object.keys(summary!).filter((key) => HEAVY.includes(key))).toEqual([]);
    }
    expect(store.getRunSummary(ids[2])).toMatchObject({ status: 'completed', finalTestAccuracy: 0.93, epochsDone: 1, notes: 'kept', backend: 'wasm' });
    expect(store.getRunSummary(ids[4])).toMatchObject({ workerHost: 'lab-server' });
    expect(store.getRunSummary(999)).toBeUndefined();
  });

  it('getRunSummary reads the runs row alone: epochs and evaluation are never parsed', () => {
    const [, , completed] = runsInEveryState();
    // Unparseable JSON where the epochs' layers and the evaluation are stored: only a read of them can fail.
    onDatabase(temp.dbPath, (db) => {
      db.prepare("UPDATE epochs SET layers = '{not json' WHERE run_id = ?").run(completed);
      db.prepare("UPDATE evaluations SET evaluation = '{not json' WHERE run_id = ?").run(completed);
    });
    expect(() => store.getRun(completed)).toThrow(/JSON/);
    expect(store.getRunSummary(completed)).toMatchObject({ id: completed, status: 'completed', finalTestAccuracy: 0.93 });
  });

  it('getRunStatus gives the stored status alone', () => {
    const [queued, running, completed, failed] = runsInEveryState();
    expect([queued, running, completed, failed].map((id) => store.getRunStatus(id))).toEqual(['queued', 'running', 'completed', 'failed']);
    expect(store.getRunStatus(999)).toBeUndefined();
  });

  it('listQueuedRunIds gives queued runs oldest first, skipping those of paused and cancelled studies', () => {
    const study = (name: string): number => store.insertStudy({ name, builtinId: null, datasetId: 'mnist-embedded', seeds: 1, configurations: [] }, []);
    const [paused, cancelled, running] = [study('paused'), study('cancelled'), study('running')];
    const alone = store.createRun(newRun()).id;
    const ofPaused = store.createRun(newRun({ studyId: paused })).id;
    const ofCancelled = store.createRun(newRun({ studyId: cancelled })).id;
    const ofRunning = store.createRun(newRun({ studyId: running })).id;
    store.markRunning(store.createRun(newRun()).id, 'cpu');
    store.writeStudyStatus(paused, 'paused', []);
    // Cancelling stops the study's queued runs; one queued again afterwards must still wait.
    store.writeStudyStatus(cancelled, 'cancelled', []);
    store.requeueRun(ofCancelled);
    expect(store.listQueuedRunIds()).toEqual([alone, ofRunning]);
    store.writeStudyStatus(paused, 'running', []);
    expect(store.listQueuedRunIds()).toEqual([alone, ofPaused, ofRunning]);
  });
});
