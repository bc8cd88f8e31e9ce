import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { FakeLabError } from '@support/renderer/fake-api';
import { epoch, runSummary } from '@support/renderer/fixtures';
import { PRESETS } from '@shared/presets';
import { useTrainingStore } from '@renderer/runs/training-store';

const request = { config: PRESETS[0].config, datasetId: 'mnist-embedded' };

describe('useTrainingStore', () => {
  it('follows the started run through batch, epoch and status events', async () => {
    lab.current.on('runs:start', () => runSummary(7, { status: 'running', epochsPlanned: 2, epochsDone: 0 }));
    const training = useTrainingStore();
    await training.start(request);
    expect(training.active).toBe(true);

    lab.current.emit('runs:batch', { runId: 7, epoch: 1, batch: 50, batchesPerEpoch: 100, loss: 0.4, samplesPerSecond: 9000, etaSeconds: 12 });
    expect(training.fraction).toBeCloseTo(0.25);
    // Events of other runs (a study training meanwhile) are ignored.
    lab.current.emit('runs:batch', { runId: 8, epoch: 2, batch: 99, batchesPerEpoch: 100, loss: 0.1, samplesPerSecond: 1, etaSeconds: 1 });
    expect(training.batch?.runId).toBe(7);

    lab.current.emit('runs:epoch', { runId: 7, metrics: epoch(1) });
    lab.current.emit('runs:epoch', { runId: 7, metrics: epoch(1) });
    lab.current.emit('runs:epoch', { runId: 8, metrics: epoch(1) });
    expect(training.epochs.map((e) => e.epoch)).toEqual([1]);

    lab.current.emit('runs:status', { runId: 7, status: 'completed', summary: runSummary(7, { status: 'completed' }) });
    expect(training.finished).toBe(true);
    expect(training.active).toBe(false);
    expect(training.fraction).toBe(1);
  });

  it('stops the live run', async () => {
    lab.current.on('runs:start', () => runSummary(3, { status: 'running' }));
    lab.current.on('runs:stop', () => runSummary(3, { status: 'stopped' }));
    const training = useTrainingStore();
    await training.start(request);
    await training.stop();
    expect(lab.current.calls.at(-1)).toEqual({ channel: 'runs:stop', request: { runId: 3 } });
    expect(training.run?.status).toBe('stopped');
  });

  it('shows why a start was refused and keeps no run', async () => {
    lab.current.on('runs:start', () => {
      throw new FakeLabError('invalid_request', 'learning rate must be above 0');
    });
    const training = useTrainingStore();
    await training.start(request);
    expect(training.error).toBe('learning rate must be above 0');
    expect(training.run).toBeNull();
  });

  it('unsubscribes from events when disposed', () => {
    const training = useTrainingStore();
    expect(lab.current.listenerCount('runs:epoch')).toBe(1);
    training.$dispose();
    expect(lab.current.listenerCount('runs:epoch')).toBe(0);
  });
});
