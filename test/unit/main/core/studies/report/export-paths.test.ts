/** Exports to a folder that cannot be created fail at once (recursive mkdirSync spun forever on /proc/nope/x). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '@core/store';
import { exportModel } from '@core/exports/export-model';
import { exportStudy } from '@core/studies/report/export-study';
import { startSeedArticleStudy } from '@core/studies/plan/study-requests';

describe.skipIf(!existsSync('/proc/self'))('exports to /proc/nope/x', () => {
  it('a study export throws FolderError naming the path', async () => {
    const store = openStore(':memory:');
    const { id } = startSeedArticleStudy(store, { builtinId: 'seed-article', datasetId: 'mnist-embedded', seeds: 1, epochs: 1 }, 1);
    await expect(exportStudy(store, id, '/proc/nope/x')).rejects.toThrow(/cannot create the folder \/proc\/nope\/x/);
    store.close();
  });

  it('a model export throws FolderError naming the path', () => {
    const saved = { modelTopology: {}, weightSpecs: [], weightData: new Uint8Array(4) };
    expect(() => exportModel(saved, '/proc/nope/x')).toThrow(/cannot create the folder \/proc\/nope\/x/);
  });
});
