/** The run scheduler over a launcher (as with a queue): a retried job starts over, a result is stored once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLabEvents } from '@core/lab/lab-events';
import type { RunLauncher } from '@core/training/run-launcher';
import { createRunScheduler, type RunScheduler } from '@core/lab/run-scheduler';
import { createJobTracker, type JobTracker } from '@core/queue/job-tracker';
import { findPreset } from '@shared/presets';
import type { EpochMetrics } from '@shared/run-types';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';
import { epoch } from '@support/epochs';

const started = (attempt: string, host: string) => ({ kind: 'started', attempt, host, version: '9.9.9', backend: 'wasm' });
const result = (attempt: string, host: string, epochs: EpochMetrics[]) => ({
  attempt,
  host,
  version: '9.9.9',
  status: 'completed',
  backend: 'wasm',
  epochs,
  evaluation: { testLoss: 0.4, testAccuracy: 0.9, testSize: 2, confusion: [], perClass: [], misclassified: [], misclassifiedCount: 0 },
  error: null,
  model: { modelTopology: {}, weightSpecs: [], weightData: Buffer.from([7]).toString('base64') },
});

let fixture: RegistryFixture;
let scheduler: RunScheduler;
let events: ReturnType<typeof createLabEvents>;
const trackers = new Map<number, JobTracker>();
const launcher: RunLauncher = {
  ready: true,
  onReady: () => {},
  start(run, callbacks) {
    const tracker = createJobTracker(callbacks);
    trackers.set(run.runId, tracker);
    return { stop: () => void tracker.stopped(null), done: tracker.done };
  },
  close: async () => {},
};

beforeEach(async () => {
  fixture = await openRegistryFixture('loss-lab-queue-scheduler-');
  events = createLabEvents();
  scheduler = createRunScheduler({ store: fixture.store, datasets: fixture.registry, events, workers: 4, placement: () => launcher, resumeQueued: true });
});
afterEach(async () => {
  await scheduler.close();
  trackers.clear();
  fixture.dispose();
});

/** A queued run handed to the launcher; resolves with its tracker. */
function dispatchedRun(): { runId: number; tracker: JobTracker } {
  const config = { ...findPreset('example-3')!.config, epochs: 2 };
  const { id } = fixture.store.createRun({ name: 'r', presetId: null, studyId: null, datasetId: 'mnist-embedded', config });
  scheduler.enqueue([id]);
  const tracker = trackers.get(id);
  if (!tracker) throw new Error('the scheduler did not launch the run');
  return { runId: id, tracker };
}
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('the run scheduler over a queue launcher', () => {
  it('stores the result exactly once when the completion is delivered twice', async () => {
    const { runId, tracker } = dispatchedRun();
    tracker.progress(started('a', 'lab-a'));
    tracker.progress({ kind: 'epoch', attempt: 'a', metrics: epoch(1, 0.7) });
    tracker.completed(result('a', 'lab-a', [epoch(1, 0.7), epoch(2, 0.3)]));
    await settled();
    tracker.completed(result('a', 'lab-a', [epoch(1, 0.7), epoch(2, 0.3)]));
    await settled();
    const run = fixture.store.getRun(runId);
    expect(run).toMatchObject({
      status: 'completed',
      backend: 'wasm',
      epochsDone: 2,
      error: null,
      hasModel: true,
      worker: { host: 'lab-a', version: '9.9.9' },
      workerHost: 'lab-a',
    });
    expect(run?.epochs.map((e) => [e.epoch, e.trainLoss])).toEqual([
      [1, 0.7],
      [2, 0.3],
    ]);
    expect(run?.evaluation?.testAccuracy).toBe(0.9);
  });

  it('drops the partial epochs of a worker that died when another worker takes the job', async () => {
    const { runId, tracker } = dispatchedRun();
    tracker.progress(started('a', 'lab-a'));
    tracker.progress({ kind: 'epoch', attempt: 'a', metrics: epoch(1, 9) });
    expect(fixture.store.getRun(runId)?.epochsDone).toBe(1);
    tracker.progress(started('b', 'lab-b'));
    expect(fixture.store.getRun(runId)).toMatchObject({ status: 'running', epochsDone: 0, epochs: [] });
    tracker.progress({ kind: 'epoch', attempt: 'b', metrics: epoch(1, 0.7) });
    tracker.completed(result('b', 'lab-b', [epoch(1, 0.7), epoch(2, 0.3)]));
    await settled();
    const run = fixture.store.getRun(runId);
    expect(run).toMatchObject({ status: 'completed', epochsDone: 2, worker: { host: 'lab-b' } });
    expect(run?.epochs.map((e) => e.trainLoss)).toEqual([0.7, 0.3]);
  });

  it('leaves a run that already ended as it is when a late result arrives, announcing nothing false', async () => {
    const { runId, tracker } = dispatchedRun();
    const announced: string[] = [];
    events.subscribe((name, payload) => {
      if (name === 'runs:status') announced.push((payload as { status: string }).status);
    });
    fixture.store.finishRun(runId, { status: 'completed', evaluation: null, error: null });
    tracker.completed(result('a', 'lab-a', [epoch(1, 0.7)]));
    await settled();
    expect(fixture.store.getRun(runId)).toMatchObject({ status: 'completed', error: null, hasModel: false, epochs: [] });
    expect(announced).not.toContain('failed');
  });
});
