/** `study resume` and `study cancel` on a study another session left queued (created straight in the store). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStudyFromRequest } from '@core/studies/plan/study-requests';
import { openStore } from '@core/store';
import { findPreset } from '@shared/presets';
import { runInProcess as lab } from '@support/cli-in-process';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data directory holding one study of `seeds` queued runs that no process is training. */
function queuedStudy(seeds: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-cli-study-'));
  dirs.push(dataDir);
  const store = openStore(join(dataDir, 'loss-lab.db'));
  try {
    const base = { ...findPreset('example-3')!.config, hiddenUnits: [32], batchSize: 64, epochs: 1 };
    createStudyFromRequest(store, { name: 'left queued', datasetId: 'mnist-embedded', base, factors: [], seeds });
  } finally {
    store.close();
  }
  return dataDir;
}

describe('study resume / study cancel', () => {
  it('study resume trains the queued runs to the end and prints the report', async () => {
    const dataDir = queuedStudy(2);
    const resumed = await lab(['study', 'resume', '1', '--workers', '1', '--json'], dataDir);
    expect(resumed.code, resumed.error ?? '').toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ type: 'result', studyId: 1, status: 'completed', aggregates: [{ key: 'base', runs: 2 }] });
    const listed = JSON.parse((await lab(['study', 'list', '--json'], dataDir)).stdout);
    expect(listed).toMatchObject([{ id: 1, runsCompleted: 2, runsQueued: 0, runsRunning: 0 }]);
  });

  it('study cancel stops the queued runs; the study then cannot resume', async () => {
    const dataDir = queuedStudy(3);
    const cancelled = await lab(['study', 'cancel', '1'], dataDir);
    expect(cancelled).toEqual({ code: 0, stdout: 'study 1 "left queued": cancelled, 0/3 runs completed', error: null });
    expect(JSON.parse((await lab(['study', 'show', '1', '--json'], dataDir)).stdout)).toMatchObject({ status: 'cancelled', runsQueued: 0, runsOther: 3 });
    expect(await lab(['study', 'resume', '1'], dataDir)).toMatchObject({ code: 1, error: 'study 1 is cancelled; it cannot be set to running' });
    expect(await lab(['study', 'cancel', '2'], dataDir)).toMatchObject({ code: 2 });
  });
});
