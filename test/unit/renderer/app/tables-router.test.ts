import { describe, expect, it } from 'vitest';
import { sortRows, toggleSort } from '@renderer/app/sort';
import { RUN_COLUMNS, matchesFilter } from '@renderer/runs/run-columns';
import { parseRoute } from '@renderer/app/router';
import { runSummary } from '@support/renderer/fixtures';

describe('sortRows', () => {
  it('sorts numbers and strings either way, nulls last', () => {
    const rows = [{ v: 2 }, { v: null }, { v: 10 }, { v: 1 }];
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual([1, 2, 10, null]);
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual([10, 2, 1, null]);
    expect(sortRows([{ v: 'run 10' }, { v: 'run 9' }], (r) => r.v, 'asc').map((r) => r.v)).toEqual(['run 9', 'run 10']);
  });

  it('flips the direction on the same column', () => {
    expect(toggleSort({ key: 'a', direction: 'asc' }, 'a')).toEqual({ key: 'a', direction: 'desc' });
    expect(toggleSort({ key: 'a', direction: 'desc' }, 'b')).toEqual({ key: 'b', direction: 'asc' });
  });
});

describe('run columns', () => {
  it('filters on every column and the notes, all words required', () => {
    const run = runSummary(1, { notes: 'saturates early' });
    expect(matchesFilter(run, 'MSE tanh')).toBe(true);
    expect(matchesFilter(run, 'saturates')).toBe(true);
    expect(matchesFilter(run, 'mse relu')).toBe(false);
    expect(matchesFilter(run, '  ')).toBe(true);
  });

  it('formats accuracy and duration', () => {
    const run = runSummary(1);
    const text = (key: string) => RUN_COLUMNS.find((c) => c.key === key)?.text(run);
    expect(text('accuracy')).toBe('95.00%');
    expect(text('duration')).toBe('59 s');
  });

  it('shows the queue worker that trained a run beside its backend, and filters by it', () => {
    const text = (run: ReturnType<typeof runSummary>) => RUN_COLUMNS.find((c) => c.key === 'backend')?.text(run);
    expect(text(runSummary(1, { backend: 'wasm' }))).toBe('wasm');
    const remote = runSummary(2, { backend: 'wasm', workerHost: 'lab-b' });
    expect(text(remote)).toBe('wasm on lab-b');
    expect(matchesFilter(remote, 'lab-b')).toBe(true);
  });

  it("explains the backend on hover: the run's recorded reason, nothing when none was recorded", () => {
    const tooltip = (run: ReturnType<typeof runSummary>) => RUN_COLUMNS.find((c) => c.key === 'backend')?.tooltip?.(run);
    const reason = 'tensorflow failed its smoke step: TypeError: (0 , util_1.isNullOrUndefined) is not a function';
    expect(tooltip(runSummary(1, { backend: 'wasm', backendReason: reason }))).toBe(reason);
    expect(tooltip(runSummary(2, { backendReason: null }))).toBeUndefined();
  });
});

describe('parseRoute', () => {
  it('maps hashes to routes, Experiment by default', () => {
    expect(parseRoute('')).toEqual({ name: 'experiment' });
    expect(parseRoute('#/history')).toEqual({ name: 'history' });
    expect(parseRoute('#/runs/12')).toEqual({ name: 'run', id: 12 });
    expect(parseRoute('#/studies/3/')).toEqual({ name: 'study', id: 3 });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });
});
