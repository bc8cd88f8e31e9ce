import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { FakeLabError } from '@support/renderer/fake-api';
import { epoch, runSummary } from '@support/renderer/fixtures';
import { PRESETS } from '@shared/presets';
import type { Evaluation, RunDetail, RunSummary } from '@shared/run-types';
import { useRunsStore } from '@renderer/runs/runs-store';

const evaluation: Evaluation = {
  testLoss: 0.3,
  testAccuracy: 0.9,
  testSize: 2000,
  confusion: [[2000]],
  perClass: [],
  misclassified: [],
  misclassifiedCount: 200,
};

function detail(id: number, over: Partial<RunDetail> = {}): RunDetail {
  return { ...runSummary(id), config: structuredClone(PRESETS[0].config), epochs: [], evaluation: null, error: null, hasModel: false, ...over };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('useRunsStore: details follow their runs live', () => {
  it('appends each epoch once to an open detail and ignores runs that are not open', async () => {
    lab.current.on('runs:get', () => detail(4, { status: 'running', epochsDone: 0 }));
    const runs = useRunsStore();
    await runs.get(4);
    lab.current.emit('runs:epoch', { runId: 4, metrics: epoch(1) });
    lab.current.emit('runs:epoch', { runId: 4, metrics: epoch(1) });
    lab.current.emit('runs:epoch', { runId: 4, metrics: epoch(2) });
    lab.current.emit('runs:epoch', { runId: 5, metrics: epoch(1) });
    expect(runs.details[4].epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(runs.details[5]).toBeUndefined();
  });

  it('fetches the evaluation once the open run ends, without the loading flag', async () => {
    let gets = 0;
    lab.current.on('runs:get', () => (gets++ === 0 ? detail(4, { status: 'running' }) : detail(4, { evaluation, hasModel: true })));
    const runs = useRunsStore();
    await runs.get(4);
    lab.current.emit('runs:status', { runId: 4, status: 'running', summary: runSummary(4, { status: 'running', epochsDone: 1 }) });
    expect(gets).toBe(1);
    expect(runs.details[4].epochsDone).toBe(1);
    lab.current.emit('runs:status', { runId: 4, status: 'completed', summary: runSummary(4, { status: 'completed' }) });
    expect(runs.loading).toBe(false);
    await settle();
    expect(gets).toBe(2);
    expect(runs.details[4].evaluation?.testSize).toBe(2000);
    expect(runs.details[4].hasModel).toBe(true);
  });

  it('does not refetch a run that was already final (a rename, a repeated event)', async () => {
    let gets = 0;
    lab.current.on('runs:get', () => {
      gets++;
      return detail(4, { evaluation });
    });
    const runs = useRunsStore();
    await runs.get(4);
    lab.current.emit('runs:status', { runId: 4, status: 'completed', summary: runSummary(4, { name: 'renamed' }) });
    await settle();
    expect(gets).toBe(1);
    expect(runs.details[4].name).toBe('renamed');
  });
});

describe('useRunsStore: re-queue', () => {
  it('re-queues a stopped run, clearing its epochs and evaluation as the core did', async () => {
    const queued: RunSummary = runSummary(4, { status: 'queued', epochsDone: 0, finalTestAccuracy: null });
    lab.current.on('runs:list', () => [runSummary(4, { status: 'stopped', epochsDone: 1 })]);
    lab.current.on('runs:get', () => detail(4, { status: 'stopped', epochs: [epoch(1)], evaluation, hasModel: true }));
    lab.current.on('runs:requeue', () => queued);
    const runs = useRunsStore();
    await runs.load();
    await runs.get(4);
    expect(await runs.requeue(4)).toBe(true);
    expect(lab.current.calls.at(-1)).toEqual({ channel: 'runs:requeue', request: { runId: 4 } });
    expect(runs.list[0].status).toBe('queued');
    expect(runs.details[4]).toMatchObject({ status: 'queued', epochs: [], evaluation: null, hasModel: false, error: null });
    // And it then follows the new training.
    lab.current.emit('runs:epoch', { runId: 4, metrics: epoch(1) });
    expect(runs.details[4].epochs).toHaveLength(1);
  });

  it('keeps the core’s refusal as the error', async () => {
    lab.current.on('runs:requeue', () => {
      throw new FakeLabError('conflict', 'run 4 completed; start a new run to train it again');
    });
    const runs = useRunsStore();
    expect(await runs.requeue(4)).toBe(false);
    expect(runs.error).toBe('run 4 completed; start a new run to train it again');
  });
});
