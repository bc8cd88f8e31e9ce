import { describe, expect, it } from 'vitest';
import type { LaunchCallbacks } from '@core/training/run-launcher';
import { createJobTracker } from '@core/queue/job-tracker';
import type { EpochMetrics } from '@shared/run-types';
import { epoch } from '@support/epochs';

const started = (attempt: string, host = 'lab-a') => ({ kind: 'started', attempt, host, version: '0.1.0', backend: 'wasm' });
const result = (attempt: string, epochs: EpochMetrics[], host = 'lab-a') => ({
  attempt,
  host,
  version: '0.1.0',
  status: 'completed',
  backend: 'wasm',
  epochs,
  evaluation: { testAccuracy: 0.9, testLoss: 0.4 },
  error: null,
  model: { modelTopology: { k: 1 }, weightSpecs: [], weightData: Buffer.from([1, 2, 3]).toString('base64') },
});

function recorder() {
  const log: string[] = [];
  const callbacks: LaunchCallbacks = {
    onStarted: (backend) => log.push(`started ${backend}`),
    onBatch: (p) => log.push(`batch ${p.batch}`),
    onEpoch: (m) => log.push(`epoch ${m.epoch} ${m.trainLoss}`),
    onRestart: () => log.push('restart'),
    onWorker: (w) => log.push(`worker ${w.host}`),
  };
  return { log, callbacks };
}

describe('createJobTracker', () => {
  it('relays an attempt, then settles once with the decoded model even when the result arrives twice', async () => {
    const { log, callbacks } = recorder();
    const tracker = createJobTracker(callbacks);
    tracker.progress(started('a'));
    tracker.progress({ kind: 'batch', attempt: 'a', progress: { runId: 1, epoch: 1, batch: 3 } });
    tracker.progress({ kind: 'epoch', attempt: 'a', metrics: epoch(1) });
    expect(tracker.completed(result('a', [epoch(1), epoch(2)]))).toBe(true);
    expect(tracker.completed(result('a', [epoch(1), epoch(2)]))).toBe(false);
    expect(tracker.failed('late failure')).toBe(false);
    const outcome = await tracker.done;
    expect(outcome).toMatchObject({ status: 'completed', backend: 'wasm', error: null });
    expect([...(outcome.model?.weightData ?? [])]).toEqual([1, 2, 3]);
    // Epoch 1 came as progress; the result adds only the one the owner missed.
    expect(log).toEqual(['worker lab-a', 'started wasm', 'batch 3', 'epoch 1 1', 'epoch 2 0.5']);
  });

  it('starts over when another worker takes the job, ignoring the dead attempt', async () => {
    const { log, callbacks } = recorder();
    const tracker = createJobTracker(callbacks);
    tracker.progress(started('a'));
    tracker.progress({ kind: 'epoch', attempt: 'a', metrics: epoch(1, 9) });
    tracker.progress(started('b', 'lab-b'));
    tracker.progress({ kind: 'epoch', attempt: 'a', metrics: epoch(2, 9) }); // late message of the dead attempt
    tracker.progress({ kind: 'epoch', attempt: 'b', metrics: epoch(1) });
    tracker.completed(result('b', [epoch(1), epoch(2)], 'lab-b'));
    await tracker.done;
    expect(log).toEqual(['worker lab-a', 'started wasm', 'epoch 1 9', 'restart', 'worker lab-b', 'started wasm', 'epoch 1 1', 'epoch 2 0.5']);
  });

  it('takes a result of an attempt it never heard from (re-attached after a restart) whole', async () => {
    const { log, callbacks } = recorder();
    const tracker = createJobTracker(callbacks);
    tracker.progress(started('a'));
    tracker.progress({ kind: 'epoch', attempt: 'a', metrics: epoch(1, 9) });
    tracker.lost();
    tracker.completed(result('c', [epoch(1), epoch(2)]));
    await tracker.done;
    expect(log).toEqual(['worker lab-a', 'started wasm', 'epoch 1 9', 'restart', 'worker lab-a', 'started wasm', 'epoch 1 1', 'epoch 2 0.5']);
  });

  it('ignores malformed progress and refuses a malformed result', () => {
    const { log, callbacks } = recorder();
    const tracker = createJobTracker(callbacks);
    tracker.progress({ kind: 'started' });
    tracker.progress(42);
    expect(() => tracker.completed({ status: 'completed' })).toThrow();
    expect(log).toEqual([]);
    expect(tracker.settled).toBe(false);
  });
});
