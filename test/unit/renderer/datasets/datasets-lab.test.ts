import { describe, expect, it, vi } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { FakeLabError } from '@support/renderer/fake-api';
import type { DatasetInfo } from '@shared/dataset-types';
import { PRESETS } from '@shared/presets';
import { useDatasetsStore } from '@renderer/datasets/datasets-store';
import { useLabStore } from '@renderer/app/lab-store';

const dataset = (id: string): DatasetInfo => ({
  id,
  name: id,
  kind: 'idx',
  trainSize: 60000,
  testSize: 10000,
  classNames: Array.from({ length: 10 }, (_, i) => String(i)),
  source: '/data',
  createdAt: '2025-01-01T00:00:00Z',
});

describe('useDatasetsStore', () => {
  it('imports with progress and adds the dataset', async () => {
    let release: () => void = () => undefined;
    lab.current.on('datasets:import', () => new Promise<DatasetInfo>((resolve) => (release = () => resolve(dataset('fashion')))));
    const datasets = useDatasetsStore();
    const pending = datasets.importDataset();
    await Promise.resolve();
    expect(datasets.importing).toBe(true);
    lab.current.emit('datasets:importProgress', { path: '/data/fashion', fraction: 0.5, message: 'reading train images' });
    expect(datasets.progress).toEqual({ fraction: 0.5, message: 'reading train images' });
    release();
    await pending;
    expect(datasets.importing).toBe(false);
    expect(datasets.list.map((d) => d.id)).toEqual(['fashion']);
  });

  it("shows the IDX reader's message when an import fails", async () => {
    lab.current.on('datasets:import', () => {
      throw new FakeLabError('dataset_error', 'train-images-idx3-ubyte: magic number 2049 is not 2051');
    });
    const datasets = useDatasetsStore();
    expect(await datasets.importDataset()).toBeUndefined();
    expect(datasets.importError).toBe('train-images-idx3-ubyte: magic number 2049 is not 2051');
  });
});

describe('useDatasetsStore without paths', () => {
  it('a cancelled dialog imports nothing and shows no error', async () => {
    lab.current.on('datasets:import', () => null);
    const datasets = useDatasetsStore();
    expect(await datasets.importDataset()).toBeUndefined();
    expect(datasets.importError).toBeNull();
    expect(datasets.list).toEqual([]);
  });

  it('browser mode uploads the picked files, then imports the upload by its id', async () => {
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { method: string }) => {
      requests.push(`${init.method} ${url}`);
      return new Response(JSON.stringify(init.method === 'POST' ? { uploadId: 'ab'.repeat(16) } : { bytes: 1 }), { status: 201 });
    });
    lab.current.on('datasets:import', () => dataset('uploaded'));
    const datasets = useDatasetsStore();
    const files = ['train-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte'].map((n) => new File([new Uint8Array(1)], n));
    expect(await datasets.importDataset('Mine', files)).toMatchObject({ id: 'uploaded' });
    expect(requests).toEqual([
      'POST /uploads',
      `PUT /uploads/${'ab'.repeat(16)}/train-images-idx3-ubyte.gz`,
      `PUT /uploads/${'ab'.repeat(16)}/t10k-labels-idx1-ubyte`,
    ]);
    expect(lab.current.calls.find((c) => c.channel === 'datasets:import')?.request).toEqual({ name: 'Mine', uploadId: 'ab'.repeat(16) });
    vi.unstubAllGlobals();
  });
});

describe('useLabStore', () => {
  it('loads info and presets once', async () => {
    lab.current.on('lab:info', () => ({
      version: '0.1.0',
      backend: 'wasm',
      backendHint: 'install tfjs-node',
      backendReason: 'wasm: forced (--backend or the backend setting); passed its smoke step',
      dataDir: '/d',
      workers: 2,
      host: 'browser',
    }));
    lab.current.on('presets:list', () => [...PRESETS]);
    const store = useLabStore();
    await store.load();
    await store.loadPresets();
    await store.loadPresets();
    expect(store.info?.backend).toBe('wasm');
    expect(store.presets).toHaveLength(PRESETS.length);
    expect(lab.current.calls.filter((c) => c.channel === 'presets:list')).toHaveLength(1);
  });
});

describe('useDatasetsStore.remove', () => {
  it('drops the deleted dataset and reloads the runs and studies that went with it', async () => {
    const requests: unknown[] = [];
    lab.current.on('datasets:list', () => [dataset('mnist-embedded'), dataset('fashion')]);
    lab.current.on('datasets:delete', (req) => (requests.push(req), { deleted: 'fashion', runsDeleted: 2, studiesDeleted: 0 }));
    let runListings = 0;
    lab.current.on('runs:list', () => (runListings++, []));
    const datasets = useDatasetsStore();
    await datasets.load();
    expect(await datasets.remove('fashion', true)).toBe(true);
    expect(requests).toEqual([{ datasetId: 'fashion', deleteRuns: true }]);
    expect(datasets.list.map((d) => d.id)).toEqual(['mnist-embedded']);
    expect(runListings).toBe(1);
    expect(datasets.deleteError).toBeNull();
  });

  it("keeps the dataset and shows the core's reason when the delete is refused", async () => {
    lab.current.on('datasets:list', () => [dataset('fashion')]);
    lab.current.on('datasets:delete', () => {
      throw new FakeLabError('conflict', '“fashion” has 1 run queued or training: stop them (or cancel their study), then delete it');
    });
    const datasets = useDatasetsStore();
    await datasets.load();
    expect(await datasets.remove('fashion', true)).toBe(false);
    expect(datasets.list.map((d) => d.id)).toEqual(['fashion']);
    expect(datasets.deleteError).toMatch(/queued or training: stop them/);
  });
});
