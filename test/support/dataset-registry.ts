/** Test helper: a registry over a throwaway data folder and an in-folder store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatasetRegistry, type DatasetRegistry } from '../../src/main/core/datasets/registry';
import { openStore } from '../../src/main/core/store';
import type { RunStore } from '../../src/main/core/store';

export interface RegistryFixture {
  dataDir: string;
  store: RunStore;
  registry: DatasetRegistry;
  dispose(): void;
}

/** Opens a store and registry in a new temp folder; `dispose` closes the store and deletes the folder. */
export async function openRegistryFixture(prefix = 'loss-lab-datasets-'): Promise<RegistryFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const store = openStore(join(dataDir, 'lab.sqlite'));
  const registry = await openDatasetRegistry(dataDir, store);
  return {
    dataDir,
    store,
    registry,
    dispose() {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
