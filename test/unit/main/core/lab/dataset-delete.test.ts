/** `datasets:delete` and `datasets:usage`: built-ins stay, runs go only when asked, active runs block it. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabErrorData, Responses } from '@shared/contract';
import type { DatasetInfo } from '@shared/dataset-types';
import { findPreset } from '@shared/presets';
import { openDatasetRegistry } from '@core/datasets/registry';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { openStore, type RunStore } from '@core/store';
import { createStudy } from '@core/studies/study-store';
import { writeIdxFolder } from '@support/idx-files';

const config = findPreset('example-3')!.config;
let dataDir: string;
let lab: Lab;
/** Three imported sets, each of different content: one with runs and a study, one with a queued run, one unused. */
let used: DatasetInfo;
let busy: DatasetInfo;
let unused: DatasetInfo;
let builtInRunId: number;

function finishedRun(store: RunStore, datasetId: string, studyId: number | null = null): number {
  const run = store.createRun({ name: 'r', presetId: null, studyId, datasetId, config });
  store.markRunning(run.id, 'cpu');
  store.finishRun(run.id, { status: 'stopped' });
  return run.id;
}

async function ok<C extends keyof Responses>(channel: C, request: unknown): Promise<Responses[C]> {
  const result = await lab.handle(channel, request);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as Responses[C];
}

async function refused(channel: 'datasets:delete' | 'datasets:usage', request: unknown): Promise<LabErrorData> {
  const result = await lab.handle(channel, request);
  if (result.ok) throw new Error(`${channel} was expected to fail`);
  return result.error;
}

const listedIds = async (): Promise<string[]> => (await ok('datasets:list', undefined)).map((d) => d.id);
const cacheFile = (id: string): string => join(dataDir, 'datasets', `${id}.bin`);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-dataset-delete-'));
  const store = openStore(join(dataDir, 'loss-lab.db'));
  const registry = await openDatasetRegistry(dataDir, store);
  used = await registry.import([writeIdxFolder(join(dataDir, 'in', 'used'), { train: 20 }).dir], 'Used');
  busy = await registry.import([writeIdxFolder(join(dataDir, 'in', 'busy'), { train: 21 }).dir], 'Busy');
  unused = await registry.import([writeIdxFolder(join(dataDir, 'in', 'unused'), { train: 22 }).dir], 'Unused');
  finishedRun(store, used.id);
  const study = createStudy(store, { name: 's', builtinId: null, datasetId: used.id, configurations: [{ key: 'a', label: 'a', config }], seeds: 2 });
  for (const run of store.listRuns({ studyId: study.id })) store.finishRun(run.id, { status: 'stopped' });
  store.createRun({ name: 'waiting', presetId: null, studyId: null, datasetId: busy.id, config });
  builtInRunId = finishedRun(store, 'mnist-embedded');
  store.close();
  lab = await createLab({ dataDir, host: 'cli', workers: 1, resumeQueued: false });
});
afterAll(async () => {
  await lab.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('deleting a dataset', () => {
  it('refuses the built-in sets, saying which can be deleted', async () => {
    for (const datasetId of ['mnist-embedded', 'mnist']) {
      const error = await refused('datasets:delete', { datasetId, deleteRuns: true });
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(/built into Loss Lab.*only imported datasets/);
    }
    expect(await ok('datasets:usage', { datasetId: 'mnist-embedded' })).toMatchObject({ builtIn: true, runs: 1 });
    expect(await listedIds()).toEqual(expect.arrayContaining(['mnist-embedded', 'mnist']));
    expect(existsSync(cacheFile('mnist-embedded'))).toBe(true);
  });

  it('answers not_found for an unknown id', async () => {
    expect(await refused('datasets:delete', { datasetId: 'no-such-set' })).toMatchObject({ code: 'not_found', message: expect.stringMatching(/no-such-set/) });
    expect(await refused('datasets:usage', { datasetId: 'no-such-set' })).toMatchObject({ code: 'not_found' });
  });

  it('refuses a dataset with runs and studies unless asked to delete them, naming how many', async () => {
    expect(await ok('datasets:usage', { datasetId: used.id })).toEqual({ runs: 3, studies: 1, active: 0, builtIn: false });
    const error = await refused('datasets:delete', { datasetId: used.id });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/used by 3 runs and 1 study: delete them with it/);
    expect(await listedIds()).toContain(used.id);
    expect(existsSync(cacheFile(used.id))).toBe(true);
  });

  it('refuses while a run of it is queued or training, even with deleteRuns', async () => {
    const error = await refused('datasets:delete', { datasetId: busy.id, deleteRuns: true });
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/1 run queued or training: stop/) });
    expect(await listedIds()).toContain(busy.id);
  });

  it('with deleteRuns deletes the dataset, its cache file, its runs and its studies, and nothing else', async () => {
    const before = (await ok('runs:list', undefined)).length;
    const result = await ok('datasets:delete', { datasetId: used.id, deleteRuns: true });
    expect(result).toEqual({ deleted: used.id, runsDeleted: 3, studiesDeleted: 1 });
    expect(await listedIds()).not.toContain(used.id);
    expect(existsSync(cacheFile(used.id))).toBe(false);
    const runs = await ok('runs:list', undefined);
    expect(runs).toHaveLength(before - 3);
    expect(runs.some((r) => r.datasetId === used.id)).toBe(false);
    expect(runs.map((r) => r.id)).toContain(builtInRunId);
    expect(await ok('studies:list', undefined)).toEqual([]);
  });

  it('deletes an unused dataset at once, and forgets its content: its id may come back with other images', async () => {
    const original = join(dataDir, 'in', 'unused');
    await expect(lab.paths.importDataset([original])).rejects.toThrow(/same images and labels as the dataset “Unused”/);
    expect(await ok('datasets:delete', { datasetId: unused.id })).toEqual({ deleted: unused.id, runsDeleted: 0, studiesDeleted: 0 });
    expect(existsSync(cacheFile(unused.id))).toBe(false);
    const other = await lab.paths.importDataset([writeIdxFolder(join(dataDir, 'in', 'other'), { train: 23 }).dir], 'Unused');
    expect(other.id).toBe(unused.id);
    const again = await lab.paths.importDataset([original], 'Unused');
    expect(again).toMatchObject({ id: `${unused.id}-2`, trainSize: 22 });
  });
});
