import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPreset } from '@shared/presets';
import type { RunStatus, RunSummary } from '@shared/run-types';
import type { StudySummary } from '@shared/study-types';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { openStore } from '@core/store';
import { call } from '@support/lab-calls';

/** One quick epoch of Example 3 at batch 128: a fraction of a second a run. */
const quick = { ...findPreset('example-3')!.config, epochs: 1, batchSize: 128 };
const dirs: string[] = [];
const labs: Lab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((lab) => lab.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function open(dataDir: string, workers: number): Promise<Lab> {
  const lab = await createLab({ dataDir, host: 'cli', workers });
  labs.push(lab);
  return lab;
}

function studyDone(lab: Lab, studyId: number): Promise<StudySummary> {
  return new Promise((resolve) => {
    const off = lab.subscribe((event, payload) => {
      const s = payload as StudySummary;
      if (event === 'studies:progress' && s.id === studyId && s.runsQueued === 0 && s.runsRunning === 0) {
        off();
        resolve(s);
      }
    });
  });
}

const createStudy = (lab: Lab, seeds: number, epochs = 1) =>
  call<StudySummary>(lab, 'studies:create', { name: 'queue', datasetId: 'mnist-embedded', base: { ...quick, epochs }, factors: [], seeds });

describe('the run queue', () => {
  it('runs at most `workers` runs at once, and uses all of them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-queue-'));
    dirs.push(dataDir);
    const lab = await open(dataDir, 2);
    const running = new Set<number>();
    let most = 0;
    lab.subscribe((event, payload) => {
      if (event !== 'runs:status') return;
      const { runId, status } = payload as { runId: number; status: RunStatus };
      if (status === 'running') running.add(runId);
      else running.delete(runId);
      most = Math.max(most, running.size);
    });
    const study = await createStudy(lab, 4);
    const done = await studyDone(lab, study.id);
    expect(done).toMatchObject({ runsTotal: 4, runsCompleted: 4, status: 'completed' });
    expect(most).toBe(2);
  });

  it('survives a restart: queued runs resume, the interrupted one is re-queued at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-queue-'));
    dirs.push(dataDir);
    const first = await open(dataDir, 1);
    // Enough epochs that the first run is surely still training when the lab closes under it.
    const study = await createStudy(first, 3, 8);
    await new Promise<void>((resolve) => {
      const off = first.subscribe((event) => {
        if (event === 'runs:batch') {
          off();
          resolve();
        }
      });
    });
    await first.close();
    labs.splice(labs.indexOf(first), 1);

    const store = openStore(join(dataDir, 'loss-lab.db'));
    expect(store.listRuns({ statuses: ['interrupted'] })).toHaveLength(1);
    store.close();

    const second = await open(dataDir, 1);
    const runs = await call<RunSummary[]>(second, 'runs:list');
    expect(runs.filter((r) => r.status === 'interrupted')).toHaveLength(0);
    const after = await studyDone(second, study.id);
    expect(after).toMatchObject({ runsCompleted: 3, runsOther: 0, status: 'completed' });
  }, 400_000);

  it('a paused study starts no new run until resumed; cancel stops the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-queue-'));
    dirs.push(dataDir);
    const lab = await open(dataDir, 1);
    const study = await createStudy(lab, 3);
    const paused = await call<StudySummary>(lab, 'studies:pause', { studyId: study.id });
    expect(paused.status).toBe('paused');
    // The run already training when the pause came finishes (however long that takes on a busy machine);
    // the two queued ones wait, also a second later.
    await new Promise<void>((resolve) => {
      const off = lab.subscribe((event, payload) => {
        if (event === 'runs:status' && (payload as { status: RunStatus }).status === 'completed') {
          off();
          resolve();
        }
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const waiting = await call<StudySummary>(lab, 'studies:get', { studyId: study.id });
    expect(waiting).toMatchObject({ runsQueued: 2, runsRunning: 0 });

    const resumed = await call<StudySummary>(lab, 'studies:resume', { studyId: study.id });
    expect(resumed.status).toBe('running');
    const cancelled = await call<StudySummary>(lab, 'studies:cancel', { studyId: study.id });
    expect(cancelled.status).toBe('cancelled');
    const end = await studyDone(lab, study.id);
    expect(end.runsQueued + end.runsRunning).toBe(0);
    expect(end.runsOther).toBeGreaterThanOrEqual(1);
  });
});
