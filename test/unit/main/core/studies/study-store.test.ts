import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type RunStore } from '@core/store';
import { seedArticleConfigurations } from '@core/studies/plan/expand';
import {
  createStudy,
  deleteStudy,
  estimateEtaSeconds,
  getStudySummary,
  listStudies,
  requeueInterruptedStudyRuns,
  setStudyStatus,
  studyRunIds,
} from '@core/studies/study-store';
import { onDatabase } from '@support/store';

let dir: string;
let store: RunStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loss-lab-studies-'));
  store = openStore(join(dir, 'lab.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function seedArticle(seeds = 2) {
  return createStudy(store, {
    name: 'Seed article',
    builtinId: 'seed-article',
    datasetId: 'mnist-embedded',
    configurations: seedArticleConfigurations(2),
    seeds,
  });
}

describe('study store (real RunStore)', () => {
  it('creates the study and one queued run per configuration × seed', () => {
    const s = seedArticle(2);
    expect(s).toMatchObject({ name: 'Seed article', builtinId: 'seed-article', status: 'running', seeds: 2, runsTotal: 10, runsQueued: 10, etaSeconds: null });
    const runs = store.listRuns({ studyId: s.id });
    expect(runs.map((r) => r.name)).toContain('Example 1: tanh + MSE · seed 2');
    expect(
      runs
        .filter((r) => r.presetId === 'example-3')
        .map((r) => r.seed)
        .sort(),
    ).toEqual([1, 2]);
    expect(store.getRun(runs[0].id)?.config.epochs).toBe(2);
    expect(studyRunIds(store, s.id)).toHaveLength(10);
    expect(listStudies(store).map((x) => x.id)).toEqual([s.id]);
  });

  it('is all or nothing: a run insert failing midway leaves no study and no runs', () => {
    // The fault, planted in the file: the database refuses the third run.
    onDatabase(join(dir, 'lab.db'), (db) =>
      db.exec("CREATE TRIGGER third_run_fails BEFORE INSERT ON runs WHEN (SELECT COUNT(*) FROM runs) = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END"),
    );
    const configurations = seedArticleConfigurations(2);
    expect(() => createStudy(store, { name: 'x', builtinId: null, datasetId: 'd', configurations, seeds: 1 })).toThrow('disk full');
    expect(listStudies(store)).toHaveLength(0);
    expect(store.listRuns()).toHaveLength(0);
  });

  it('refuses configurations that cannot train', () => {
    const bad = seedArticleConfigurations(2);
    bad[1] = { ...bad[1], config: { ...bad[1].config, outputActivation: 'linear', loss: 'categoricalCrossentropy' } };
    expect(() => createStudy(store, { name: 'x', builtinId: null, datasetId: 'd', configurations: bad, seeds: 1 })).toThrow(/example-2 cannot train/);
    expect(listStudies(store)).toHaveLength(0);
  });

  it('pauses, resumes, cancels (queued runs stop) and derives completed', () => {
    const s = seedArticle(1);
    expect(setStudyStatus(store, s.id, 'paused').status).toBe('paused');
    expect(setStudyStatus(store, s.id, 'running').status).toBe('running');
    const [first, ...rest] = studyRunIds(store, s.id);
    store.markRunning(first, 'cpu');
    const cancelled = setStudyStatus(store, s.id, 'cancelled');
    expect(cancelled).toMatchObject({ status: 'cancelled', runsRunning: 1, runsQueued: 0, runsOther: rest.length });
    expect(() => setStudyStatus(store, s.id, 'running')).toThrow(/cancelled/);
  });

  it('is completed only when every planned run completed (or diverged), with an ETA from finished runs before that', () => {
    const s = seedArticle(1);
    const ids = studyRunIds(store, s.id);
    store.markRunning(ids[0], 'cpu');
    store.finishRun(ids[0], { status: 'completed' });
    const mid = getStudySummary(store, s.id, 2);
    expect(mid.runsCompleted).toBe(1);
    expect(mid.etaSeconds).not.toBeNull();
    store.finishRun(ids[1], { status: 'diverged', error: 'loss became NaN' });
    store.finishRun(ids[2], { status: 'failed', error: 'test' });
    store.finishRun(ids[3], { status: 'interrupted', error: 'crash' });
    store.finishRun(ids[4], { status: 'stopped' });
    expect(getStudySummary(store, s.id)).toMatchObject({ status: 'incomplete', runsCompleted: 1, runsOther: 4, etaSeconds: 0 });

    // Resuming re-queues the three that gave no result; once they complete, the study is complete.
    expect(setStudyStatus(store, s.id, 'running')).toMatchObject({ status: 'running', runsQueued: 3, runsOther: 1 });
    for (const id of ids.slice(2)) {
      store.markRunning(id, 'cpu');
      store.finishRun(id, { status: 'completed' });
    }
    expect(getStudySummary(store, s.id)).toMatchObject({ status: 'completed', runsCompleted: 4, runsOther: 1 });
  });

  it('an incomplete study can be cancelled, accepting fewer runs visibly', () => {
    const s = seedArticle(1);
    for (const id of studyRunIds(store, s.id)) store.finishRun(id, { status: 'interrupted' });
    expect(setStudyStatus(store, s.id, 'cancelled')).toMatchObject({ status: 'cancelled', runsCompleted: 0, runsOther: 5 });
  });

  it('re-queues the interrupted runs of running studies at start, not those of paused or cancelled ones', () => {
    const running = seedArticle(1);
    const paused = seedArticle(1);
    setStudyStatus(store, paused.id, 'paused');
    const [a, b] = studyRunIds(store, running.id);
    store.finishRun(a, { status: 'interrupted' });
    store.finishRun(b, { status: 'failed', error: 'test' });
    store.finishRun(studyRunIds(store, paused.id)[0], { status: 'interrupted' });
    expect(requeueInterruptedStudyRuns(store)).toEqual([a]);
    expect(getStudySummary(store, running.id)).toMatchObject({ status: 'running', runsQueued: 4, runsOther: 1 });
    expect(getStudySummary(store, paused.id)).toMatchObject({ status: 'paused', runsQueued: 4, runsOther: 1 });
  });

  it('deletes the study with its runs', () => {
    const s = seedArticle(1);
    expect(deleteStudy(store, s.id)).toBe(1);
    expect(store.listRuns()).toHaveLength(0);
    expect(() => getStudySummary(store, s.id)).toThrow(/does not exist/);
    expect(deleteStudy(store, s.id)).toBe(0);
  });
});

describe('estimateEtaSeconds', () => {
  const run = (status: 'queued' | 'running' | 'completed', durationSeconds: number | null) =>
    ({ status, durationSeconds }) as Parameters<typeof estimateEtaSeconds>[0][number];
  it('mean finished duration × runs left ÷ workers', () => {
    const runs = [run('completed', 10), run('completed', 20), run('running', null), run('queued', null), run('queued', null)];
    expect(estimateEtaSeconds(runs, 2, 'running')).toBe(22.5);
    expect(estimateEtaSeconds(runs, 2, 'paused')).toBeNull();
    expect(estimateEtaSeconds([run('queued', null)], 1, 'running')).toBeNull();
  });
});
