import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatasetRegistry } from '@core/datasets/registry';
import { openStore } from '@core/store';
import { epochMetrics, evaluation, newRun } from '@support/store';
import { writeIdxFolder } from '@support/idx-files';

const dirs: string[] = [];
const temp = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `loss-lab-${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a data directory moved elsewhere', () => {
  it('still loads its datasets and runs, including rows written with absolute cache paths', async () => {
    const original = temp('original');
    const store = openStore(join(original, 'loss-lab.db'));
    const registry = await openDatasetRegistry(original, store);
    const imported = await registry.import([writeIdxFolder(join(temp('idx'), 'digits'), { train: 20, test: 10 }).dir], 'Small digits');
    // A row as releases before relative paths wrote it.
    store.saveDataset(imported, join(original, 'datasets', `${imported.id}.bin`));
    const run = store.createRun(newRun({ datasetId: imported.id }));
    store.markRunning(run.id, 'cpu');
    store.appendEpoch(run.id, epochMetrics(1));
    store.finishRun(run.id, { status: 'completed', evaluation: evaluation(0.9) });
    store.close();

    const moved = join(temp('moved'), 'lab');
    cpSync(original, moved, { recursive: true });
    rmSync(original, { recursive: true, force: true });

    const reopened = openStore(join(moved, 'loss-lab.db'));
    try {
      const again = await openDatasetRegistry(moved, reopened);
      expect(again.cachePath(imported.id)).toBe(join(moved, 'datasets', `${imported.id}.bin`));
      expect(again.load(imported.id)).toMatchObject({ info: { id: imported.id }, train: { count: 20 }, test: { count: 10 } });
      expect(again.load('mnist-embedded').train.count).toBe(8000);
      expect(reopened.listDatasets().map((d) => d.cachePath)).toEqual(['datasets/mnist-embedded.bin', 'datasets/mnist.bin', `datasets/${imported.id}.bin`]);
      expect(reopened.getRun(run.id)).toMatchObject({ status: 'completed', datasetId: imported.id, evaluation: { testAccuracy: 0.9 } });
    } finally {
      reopened.close();
    }
  });
});
