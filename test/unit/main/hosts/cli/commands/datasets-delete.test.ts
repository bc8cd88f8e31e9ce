/** `datasets delete`: refused while runs use the set, done with --with-runs; built-ins stay. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatasetRegistry } from '@core/datasets/registry';
import { openStore } from '@core/store';
import { findPreset } from '@shared/presets';
import { writeIdxFolder } from '@support/idx-files';
import { runInProcess as lab } from '@support/cli-in-process';

const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-cli-dataset-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Imports a small IDX set as "Fashion" with one stopped run on it. */
async function importedWithRun(): Promise<string> {
  const store = openStore(join(dataDir, 'loss-lab.db'));
  try {
    const registry = await openDatasetRegistry(dataDir, store);
    const info = await registry.import([writeIdxFolder(join(dataDir, 'in')).dir], 'Fashion');
    const run = store.createRun({ name: 'r', presetId: null, studyId: null, datasetId: info.id, config: findPreset('example-3')!.config });
    store.markRunning(run.id, 'cpu');
    store.finishRun(run.id, { status: 'stopped' });
    return info.id;
  } finally {
    store.close();
  }
}

describe('datasets delete', () => {
  it('refuses a set runs use, deletes it with --with-runs, and never deletes a built-in', async () => {
    const id = await importedWithRun();
    expect(await lab(['datasets', 'delete', id], dataDir)).toMatchObject({
      code: 1,
      error: expect.stringMatching(/“Fashion” is used by 1 run: delete them with it \(deleteRuns, or --with-runs/),
    });
    expect(await lab(['datasets', 'delete', id, '--with-runs'], dataDir)).toEqual({
      code: 0,
      stdout: `deleted dataset ${id} with 1 run and 0 studies`,
      error: null,
    });
    expect(existsSync(join(dataDir, 'datasets', `${id}.bin`))).toBe(false);
    const listed = JSON.parse((await lab(['datasets', 'list', '--json'], dataDir)).stdout) as { id: string }[];
    expect(listed.map((d) => d.id)).toEqual(['mnist-embedded', 'mnist']);
    expect(JSON.parse((await lab(['runs', 'list', '--json'], dataDir)).stdout)).toEqual([]);
    expect(await lab(['datasets', 'delete', 'mnist-embedded', '--json'], dataDir)).toMatchObject({
      code: 1,
      error: expect.stringMatching(/built into Loss Lab/),
    });
    expect(await lab(['datasets', 'delete', id], dataDir)).toMatchObject({ code: 2, error: expect.stringMatching(/does not exist/) });
  });
});
