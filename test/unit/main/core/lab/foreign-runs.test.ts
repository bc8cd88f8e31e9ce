import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPreset } from '@shared/presets';
import type { StudySummary } from '@shared/study-types';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { openStore } from '@core/store';
import { call } from '@support/lab-calls';

const quick = { ...findPreset('example-3')!.config, epochs: 1, batchSize: 128 };
const labs: Lab[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((lab) => lab.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('a study whose queued runs another lab trains', () => {
  it('still ends where it was started: the first lab sees the other lab finish them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-foreign-'));
    dirs.push(dataDir);
    // As `lab study run` does: one worker, runs of earlier sessions left alone.
    const cli = await createLab({ dataDir, host: 'cli', workers: 1, resumeQueued: false });
    labs.push(cli);
    const progress: StudySummary[] = [];
    const done = new Promise<StudySummary>((resolve) =>
      cli.subscribe((event, payload) => {
        if (event !== 'studies:progress') return;
        const s = payload as StudySummary;
        progress.push(s);
        if (s.runsQueued === 0 && s.runsRunning === 0) resolve(s);
      }),
    );
    const study = await call<StudySummary>(cli, 'studies:create', { name: 'shared', datasetId: 'mnist-embedded', base: quick, factors: [], seeds: 3 });
    expect(study.runsTotal).toBe(3);
    // As `serve` starting beside it does: it takes the queued runs.
    const serve = await createLab({ dataDir, host: 'browser', workers: 2 });
    labs.push(serve);
    const trainedByServe = new Set<number>();
    serve.subscribe((event, payload) => {
      if (event === 'runs:epoch') trainedByServe.add((payload as { runId: number }).runId);
    });
    // The first lab's own run (the oldest queued, the study's first) ends at once, so only the other lab's
    // runs are left: the first lab hears of them only from the database.
    const ownId = Math.min(...(await call<{ id: number }[]>(cli, 'runs:list')).map((r) => r.id));
    await call(cli, 'runs:stop', { runId: ownId });

    expect(await done).toMatchObject({ status: 'incomplete', runsCompleted: 2, runsOther: 1 });
    expect(trainedByServe.size).toBe(2);
  }, 400_000);
});

describe('a run another process trains', () => {
  it('cannot be deleted or stopped here, with a message that says why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-foreign-'));
    dirs.push(dataDir);
    const lab = await createLab({ dataDir, host: 'cli', workers: 1, resumeQueued: false });
    labs.push(lab);
    // Another open database (another process, as far as the lab can tell) claims a run.
    const other = openStore(join(dataDir, 'loss-lab.db'));
    try {
      const { id } = other.createRun({ name: 'elsewhere', presetId: null, studyId: null, datasetId: 'mnist-embedded', config: quick });
      other.markRunning(id, 'wasm');
      for (const channel of ['runs:delete', 'runs:stop'] as const) {
        expect(await lab.handle(channel, { runId: id })).toMatchObject({
          ok: false,
          error: { code: 'conflict', message: expect.stringMatching(/training in another Loss Lab process/) },
        });
      }
      expect(other.getRun(id)?.status).toBe('running');
    } finally {
      other.close();
    }
  });
});
