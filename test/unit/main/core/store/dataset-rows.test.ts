import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, StorageError, type RunStore } from '@core/store';
import { CoreError } from '@core/errors';
import { newRun, tempDbPath } from '@support/store';

const info = (id: string) => ({
  id,
  name: id,
  kind: 'idx' as const,
  trainSize: 1,
  testSize: 1,
  classNames: [],
  source: 's',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('dataset records', () => {
  let temp: ReturnType<typeof tempDbPath>;
  let store: RunStore;
  beforeEach(() => {
    temp = tempDbPath();
    store = openStore(temp.dbPath);
    store.saveDataset(info('digits'), '/data/digits.bin');
    store.saveDataset(info('other'), '/data/other.bin');
  });
  afterEach(() => {
    store.close();
    temp.dispose();
  });

  /** On `digits`: a study with two runs (one of them training), a run alone; on `other`: one run. */
  function fill(): { onDigits: number[]; onOther: number } {
    const study = store.insertStudy({ name: 's', builtinId: null, datasetId: 'digits', seeds: 2, configurations: [] }, [
      newRun({ datasetId: 'digits' }),
      newRun({ datasetId: 'digits' }),
    ]);
    const [first, second] = store
      .listRuns({ studyId: study })
      .map((r) => r.id)
      .sort((a, b) => a - b);
    store.markRunning(first, 'cpu');
    const alone = store.createRun(newRun({ datasetId: 'digits' })).id;
    store.finishRun(alone, { status: 'stopped' });
    return { onDigits: [first, second, alone], onOther: store.createRun(newRun({ datasetId: 'other' })).id };
  }

  it('counts the runs, studies and active runs on a dataset; zeros for an unknown id', () => {
    fill();
    expect(store.countDatasetRecords('digits')).toEqual({ runs: 3, studies: 1, active: 2 });
    expect(store.countDatasetRecords('other')).toEqual({ runs: 1, studies: 0, active: 1 });
    expect(store.countDatasetRecords('nope')).toEqual({ runs: 0, studies: 0, active: 0 });
  });

  it('a check that refuses leaves everything stored and its error unchanged', () => {
    fill();
    const refusal = new CoreError('conflict', 'still in use');
    let seen: unknown;
    expect(() =>
      store.deleteDataset('digits', (counts) => {
        seen = counts;
        throw refusal;
      }),
    ).toThrow(refusal);
    expect(seen).toEqual({ runs: 3, studies: 1, active: 2 });
    expect(store.countDatasetRecords('digits')).toEqual({ runs: 3, studies: 1, active: 2 });
    expect(store.listDatasets().map((d) => d.info.id)).toEqual(['digits', 'other']);
  });

  it('deletes the registration with its studies and runs, naming the runs; other datasets keep theirs', () => {
    const { onDigits, onOther } = fill();
    expect(store.deleteDataset('digits', () => undefined)).toEqual({ runs: 3, studies: 1, runIds: onDigits });
    expect(store.countDatasetRecords('digits')).toEqual({ runs: 0, studies: 0, active: 0 });
    expect(store.listStudyRows()).toEqual([]);
    expect(store.listRuns().map((r) => r.id)).toEqual([onOther]);
    expect(store.listDatasets().map((d) => d.info.id)).toEqual(['other']);
  });

  it('a database failure inside the deletion is a StorageError naming the file', () => {
    fill();
    store.close();
    const reader = openStore(temp.dbPath, { readOnly: true });
    try {
      expect(() => reader.deleteDataset('digits')).toThrow(StorageError);
      expect(() => reader.deleteDataset('digits')).toThrow(/could not write to the database .*lab\.sqlite/);
    } finally {
      reader.close();
      store = openStore(temp.dbPath);
    }
  });
});
