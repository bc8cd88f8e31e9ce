import { createHash } from 'node:crypto';
import { existsSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '@core/datasets/cache';
import { DatasetError, type DatasetSplit } from '@core/datasets/dataset';
import { buildEmbeddedDataset, EMBEDDED_DATASET_ID } from '@core/datasets/embedded';
import { createRandom } from '@core/random';
import { openDatasetRegistry } from '@core/datasets/registry';
import { NotFoundError } from '@core/store';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

/** SHA-256 of the label bytes of the seeded split; a change here means every past run's test set changed. */
const PINNED_TRAIN_LABELS_SHA256 = '5418eaca0022ee6010c260a1a6d0434fb34c6a6967dc5e0b730343e99be4c568';
const PINNED_TEST_LABELS_SHA256 = '6c8ecd19b67e151da6f3641ecebca7327db9b49c68ab72064f4e9b4bf3ada975';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const classCounts = (split: DatasetSplit): number[] => {
  const counts = new Array<number>(10).fill(0);
  for (const label of split.labels) counts[label]++;
  return counts;
};

describe('embedded MNIST digits', () => {
  let fx: RegistryFixture;
  beforeAll(async () => {
    fx = await openRegistryFixture();
  });
  afterAll(() => fx.dispose());

  it('is converted once into <dataDir>/datasets/mnist-embedded.bin and registered', () => {
    const path = fx.registry.cachePath(EMBEDDED_DATASET_ID);
    expect(path).toBe(join(fx.dataDir, 'datasets', 'mnist-embedded.bin'));
    expect(existsSync(path)).toBe(true);
    const [info] = fx.registry.list();
    expect(info).toMatchObject({ id: 'mnist-embedded', kind: 'embedded', trainSize: 8000, testSize: 2000 });
    expect(info.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('has 8,000 / 2,000 images, every label 0..9 and every class in both splits', () => {
    const { train, test } = fx.registry.load(EMBEDDED_DATASET_ID);
    expect([train.count, test.count]).toEqual([8000, 2000]);
    expect(train.images.length).toBe(8000 * 784);
    expect(test.images.length).toBe(2000 * 784);
    for (const split of [train, test]) {
      const counts = classCounts(split);
      expect(counts.reduce((a, b) => a + b)).toBe(split.count);
      for (const count of counts) expect(count).toBeGreaterThan(split.count / 20);
    }
  });

  it('stores bytes 0..255 with light ink on a dark (0) background', () => {
    const { train } = fx.registry.load(EMBEDDED_DATASET_ID);
    let corner = 0;
    let max = 0;
    let inkPixels = 0;
    for (let i = 0; i < train.count; i++) {
      corner += train.images[i * 784];
      for (let p = 0; p < 784; p++) max = Math.max(max, train.images[i * 784 + p]);
      inkPixels += train.images[i * 784 + 14 * 28 + 14] > 128 ? 1 : 0;
    }
    expect(corner).toBe(0);
    expect(max).toBe(255);
    // Centre pixels are mostly ink for digits, but far from all (a 0 has a hole there).
    expect(inkPixels / train.count).toBeGreaterThan(0.2);
  });

  it('reopens from the cache without rebuilding it, and reads it in well under 100 ms', async () => {
    const path = fx.registry.cachePath(EMBEDDED_DATASET_ID);
    const before = statSync(path).mtimeMs;
    const reopened = await openDatasetRegistry(fx.dataDir, fx.store);
    expect(statSync(path).mtimeMs).toBe(before);
    const started = performance.now();
    const dataset = reopened.load(EMBEDDED_DATASET_ID);
    const elapsed = performance.now() - started;
    expect(dataset.train.count).toBe(8000);
    // Typically a few ms; the bound is loose because the machine is shared.
    expect(elapsed).toBeLessThan(100);
  });

  it('splits deterministically (pinned by the label bytes of each split)', () => {
    const a = buildEmbeddedDataset();
    const b = readDatasetCache(fx.registry.cachePath(EMBEDDED_DATASET_ID));
    expect(sha256(a.train.images)).toBe(sha256(b.train.images));
    expect(sha256(a.test.labels)).toBe(sha256(b.test.labels));
    expect(sha256(a.train.labels)).toBe(PINNED_TRAIN_LABELS_SHA256);
    expect(sha256(a.test.labels)).toBe(PINNED_TEST_LABELS_SHA256);
  });

  it('has a PRNG that repeats for the same seed', () => {
    const x = createRandom(7);
    const y = createRandom(7);
    const draws = Array.from({ length: 5 }, () => x());
    expect(draws).toEqual(Array.from({ length: 5 }, () => y()));
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
  });

  it('rejects an unknown id with NotFoundError and a damaged cache with DatasetError', async () => {
    expect(() => fx.registry.load('nope')).toThrow(NotFoundError);
    expect(() => fx.registry.cachePath('nope')).toThrow(/dataset "nope" does not exist/);
    const path = fx.registry.cachePath(EMBEDDED_DATASET_ID);
    truncateSync(path, 1000);
    expect(() => readDatasetCache(path)).toThrow(DatasetError);
    expect(() => readDatasetCache(path)).toThrow(path);
    // The built-in set heals itself: a fresh registry rebuilds the damaged cache on load.
    const reopened = await openDatasetRegistry(fx.dataDir, fx.store);
    expect(reopened.load(EMBEDDED_DATASET_ID).test.count).toBe(2000);
    expect(readDatasetCache(path).train.count).toBe(8000);
  });
});
