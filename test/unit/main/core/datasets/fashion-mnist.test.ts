import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '@core/datasets/cache';
import type { ImportProgress } from '@core/datasets/idx-import';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

/** Where the machine image installs the real Fashion-MNIST IDX files (gzipped). */
const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

describe('real Fashion-MNIST', () => {
  let fx: RegistryFixture | undefined;
  afterAll(() => fx?.dispose());

  it('imports 60,000 + 10,000 images with Fashion class names', async (ctx) => {
    if (!existsSync(FASHION_DIR)) ctx.skip(`${FASHION_DIR} is absent on this machine; install the Fashion-MNIST IDX files there to run this test`);
    fx = await openRegistryFixture('loss-lab-fashion-');
    const progress: ImportProgress[] = [];
    const info = await fx.registry.import([FASHION_DIR], undefined, (p) => progress.push(p));
    expect(info).toMatchObject({ id: 'fashion-mnist', name: 'fashion-mnist', kind: 'idx', trainSize: 60_000, testSize: 10_000 });
    expect(info.classNames).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    expect(progress).toHaveLength(5);

    const dataset = readDatasetCache(fx.registry.cachePath(info.id));
    expect(dataset.train.images.length).toBe(60_000 * 784);
    // Fashion-MNIST is balanced: 6,000 training and 1,000 test images a class.
    for (const [split, perClass] of [
      [dataset.train, 6000],
      [dataset.test, 1000],
    ] as const) {
      const counts = new Array<number>(10).fill(0);
      for (const label of split.labels) counts[label]++;
      expect(counts).toEqual(new Array<number>(10).fill(perClass));
    }
    // Published first labels of each file: train starts 9 (ankle boot), 0, 0, 3; test starts 9, 2, 1, 1.
    expect([...dataset.train.labels.subarray(0, 4)]).toEqual([9, 0, 0, 3]);
    expect([...dataset.test.labels.subarray(0, 4)]).toEqual([9, 2, 1, 1]);
  });
});
