import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { FakeLabError } from '@support/renderer/fake-api';
import { epoch, runSummary } from '@support/renderer/fixtures';
import { PRESETS } from '@shared/presets';
import { useRunsStore } from '@renderer/runs/runs-store';

const PRESET = PRESETS[0].config;

describe('useRunsStore', () => {
  it('loads the list and tracks loading', async () => {
    lab.current.on('runs:list', () => [runSummary(1), runSummary(2)]);
    const runs = useRunsStore();
    const pending = runs.load();
    expect(runs.loading).toBe(true);
    await pending;
    expect(runs.loading).toBe(false);
    expect(runs.list.map((r) => r.id)).toEqual([1, 2]);
    expect(runs.error).toBeNull();
  });

  it('keeps the LabError message when a request fails', async () => {
    lab.current.on('runs:get', () => {
      throw new FakeLabError('not_found', 'run 9 does not exist');
    });
    const runs = useRunsStore();
    expect(await runs.get(9)).toBeUndefined();
    expect(runs.error).toBe('run 9 does not exist');
  });

  it('renames, saves notes and deletes', async () => {
    lab.current.on('runs:list', () => [runSummary(1), runSummary(2)]);
    lab.current.on('runs:update', (req) => {
      const r = req as { runId: number; name?: string; notes?: string };
      return runSummary(r.runId, { name: r.name ?? 'run 1', notes: r.notes ?? '' });
    });
    lab.current.on('runs:delete', () => ({ deleted: 1 }));
    const runs = useRunsStore();
    await runs.load();
    await runs.rename(1, 'baseline');
    await runs.saveNotes(1, 'slow start');
    expect(runs.list[0].notes).toBe('slow start');
    expect(lab.current.calls.filter((c) => c.channel === 'runs:update').map((c) => c.request)).toEqual([
      { runId: 1, name: 'baseline' },
      { runId: 1, notes: 'slow start' },
    ]);
    await runs.remove(2);
    expect(runs.list.map((r) => r.id)).toEqual([1]);
  });

  it('fetches details for the overlay selection and drops deleted runs from it', async () => {
    lab.current.on('runs:get', (req) => {
      const id = (req as { runId: number }).runId;
      return { ...runSummary(id), config: structuredClone(PRESET), epochs: [epoch(1), epoch(2)], evaluation: null, error: null, hasModel: true };
    });
    lab.current.on('runs:delete', () => ({ deleted: 1 }));
    const runs = useRunsStore();
    await runs.toggleSelected(3);
    await runs.toggleSelected(4);
    expect(runs.selectedDetails.map((d) => d.id)).toEqual([3, 4]);
    await runs.toggleSelected(3);
    expect(runs.selected).toEqual([4]);
    await runs.remove(4);
    expect(runs.selected).toEqual([]);
  });

  it('updates a listed run when its status event arrives', async () => {
    lab.current.on('runs:list', () => [runSummary(1, { status: 'running' })]);
    const runs = useRunsStore();
    await runs.load();
    lab.current.emit('runs:status', { runId: 1, status: 'completed', summary: runSummary(1, { status: 'completed' }) });
    expect(runs.list[0].status).toBe('completed');
    lab.current.emit('runs:status', { runId: 5, status: 'queued', summary: runSummary(5, { status: 'queued' }) });
    expect(runs.list.map((r) => r.id)).toEqual([5, 1]);
  });
});
