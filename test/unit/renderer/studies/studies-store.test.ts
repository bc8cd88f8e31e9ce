import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { FakeLabError } from '@support/renderer/fake-api';
import type { StudyDetail, StudySummary } from '@shared/study-types';
import { PRESETS } from '@shared/presets';
import { useStudiesStore } from '@renderer/studies/studies-store';

function summary(id: number, over: Partial<StudySummary> = {}): StudySummary {
  return {
    id,
    name: `study ${id}`,
    builtinId: null,
    datasetId: 'mnist-embedded',
    status: 'running',
    seeds: 2,
    createdAt: '2025-01-01T00:00:00Z',
    runsTotal: 4,
    runsCompleted: 0,
    runsRunning: 2,
    runsQueued: 2,
    runsOther: 0,
    etaSeconds: null,
    ...over,
  };
}
const detail = (id: number, over: Partial<StudySummary> = {}): StudyDetail => ({
  ...summary(id, over),
  configurations: [],
  runs: [],
  aggregates: [],
  verdicts: null,
  sizeSeries: [],
});

describe('useStudiesStore', () => {
  it('lists, starts the built-in study and applies progress events', async () => {
    lab.current.on('studies:list', () => [summary(1)]);
    lab.current.on('studies:startBuiltin', () => summary(2, { builtinId: 'seed-article' }));
    const studies = useStudiesStore();
    await studies.load();
    await studies.startBuiltin({ builtinId: 'seed-article', seeds: 3, epochs: 5 });
    expect(studies.list.map((s) => s.id)).toEqual([2, 1]);
    lab.current.emit('studies:progress', summary(1, { runsCompleted: 1 }));
    expect(studies.list[1].runsCompleted).toBe(1);
  });

  it('refetches the open study when one of its runs finishes', async () => {
    let gets = 0;
    lab.current.on('studies:get', () => detail(1, { runsCompleted: gets++ }));
    const studies = useStudiesStore();
    await studies.open(1);
    lab.current.emit('studies:progress', summary(1, { runsCompleted: 0, runsRunning: 1 }));
    expect(gets).toBe(1);
    lab.current.emit('studies:progress', summary(1, { runsCompleted: 1 }));
    await new Promise((r) => setTimeout(r, 0));
    expect(gets).toBe(2);
  });

  it('pauses, compares and exports', async () => {
    lab.current.on('studies:get', () => detail(1));
    lab.current.on('studies:pause', () => summary(1, { status: 'paused' }));
    lab.current.on('studies:compare', () => ({
      a: 'x',
      b: 'y',
      metric: 'testAccuracy',
      design: 'paired',
      n: 5,
      difference: 0.01,
      ci95: [0.005, 0.015],
      t: 4,
      df: 4,
      p: 0.004,
    }));
    lab.current.on('studies:export', () => ({ kind: 'saved', path: '/home/me/study-1-report.zip' }));
    const studies = useStudiesStore();
    await studies.open(1);
    await studies.control('pause', 1);
    expect(studies.detail?.status).toBe('paused');
    await studies.compare(1, 'x', 'y', 'testAccuracy');
    expect(studies.comparison?.p).toBe(0.004);
    await studies.exportReport(1);
    expect(studies.exported).toBe('Saved /home/me/study-1-report.zip');
  });

  it('keeps the error message of a refused creation', async () => {
    lab.current.on('studies:create', () => {
      throw new FakeLabError('invalid_request', 'at most 4 factors');
    });
    const studies = useStudiesStore();
    const created = await studies.create({ name: 'x', datasetId: 'mnist-embedded', base: PRESETS[0].config, factors: [], seeds: 1 });
    expect(created).toBeUndefined();
    expect(studies.error).toBe('at most 4 factors');
  });

  it('keeps the skipped-combinations message of a created study until dismissed', async () => {
    lab.current.on('studies:create', () => ({ ...summary(3), skippedMessage: '2 combinations skipped: softmax with MSE…' }));
    const studies = useStudiesStore();
    const created = await studies.create({ name: 'x', datasetId: 'mnist-embedded', base: PRESETS[0].config, factors: [], seeds: 1 });
    expect(created?.id).toBe(3);
    expect(studies.list[0]).not.toHaveProperty('skippedMessage');
    expect(studies.skipped).toEqual({ studyId: 3, message: '2 combinations skipped: softmax with MSE…' });
    studies.dismissSkipped();
    expect(studies.skipped).toBeNull();
    lab.current.on('studies:create', () => ({ ...summary(4), skippedMessage: null }));
    await studies.create({ name: 'y', datasetId: 'mnist-embedded', base: PRESETS[0].config, factors: [], seeds: 1 });
    expect(studies.skipped).toBeNull();
  });

  it('deletes a study, closing it if open, and keeps a refusal as the error', async () => {
    lab.current.on('studies:list', () => [summary(1), summary(2)]);
    lab.current.on('studies:get', () => detail(2));
    lab.current.on('studies:delete', (req) => {
      if ((req as { studyId: number }).studyId === 1) throw new FakeLabError('conflict', 'study 1 has runs training: cancel it, then delete it');
      return { deleted: 1 };
    });
    const studies = useStudiesStore();
    await studies.load();
    await studies.open(2);
    expect(await studies.remove(2)).toBe(true);
    expect(studies.list.map((s) => s.id)).toEqual([1]);
    expect(studies.detail).toBeNull();
    expect(await studies.remove(1)).toBe(false);
    expect(studies.error).toBe('study 1 has runs training: cancel it, then delete it');
    expect(studies.list.map((s) => s.id)).toEqual([1]);
  });
});
