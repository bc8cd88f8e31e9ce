import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '@core/datasets/cache';
import type { ImportProgress } from '@core/datasets/idx-import';
import { slugify } from '@core/datasets/slug';
import { writeIdxFolder } from '@support/idx-files';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

describe('IDX import', () => {
  let fx: RegistryFixture;
  let work: string;
  beforeAll(async () => {
    fx = await openRegistryFixture();
    work = mkdtempSync(join(tmpdir(), 'loss-lab-idx-'));
  });
  afterAll(() => {
    fx.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  for (const gz of [false, true]) {
    it(`round-trips a folder of ${gz ? 'gzipped' : 'raw'} files byte for byte`, async () => {
      // Different sizes: the same content twice would be refused as already imported.
      const folder = writeIdxFolder(join(work, gz ? 'digits-gz' : 'digits-raw'), { train: gz ? 31 : 30, test: 12, gz });
      const progress: ImportProgress[] = [];
      const info = await fx.registry.import([folder.dir], undefined, (p) => progress.push(p));
      expect(info).toMatchObject({ id: gz ? 'digits-gz' : 'digits-raw', kind: 'idx', trainSize: gz ? 31 : 30, testSize: 12 });
      expect(info.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(progress.map((p) => p.path).slice(0, 4)).toEqual(folder.files);
      expect(progress.at(-1)?.fraction).toBe(1);
      for (const [a, b] of progress.slice(1).map((p, i) => [progress[i].fraction, p.fraction])) expect(b).toBeGreaterThan(a);

      for (const dataset of [fx.registry.load(info.id), readDatasetCache(fx.registry.cachePath(info.id))]) {
        expect(Buffer.from(dataset.train.images).equals(folder.train.images)).toBe(true);
        expect(Buffer.from(dataset.train.labels).equals(folder.train.labels)).toBe(true);
        expect(Buffer.from(dataset.test.images).equals(folder.test.images)).toBe(true);
        expect(Buffer.from(dataset.test.labels).equals(folder.test.labels)).toBe(true);
      }
    });
  }

  it('imports the four files given one by one, in any order, and makes ids unique', async () => {
    const folder = writeIdxFolder(join(work, 'loose'), { train: 20, test: 10, gz: true });
    const other = writeIdxFolder(join(work, 'loose-other'), { train: 21, test: 10, gz: true });
    const shuffled = [folder.files[3], folder.files[0], folder.files[2], folder.files[1]];
    const first = await fx.registry.import(shuffled, 'My Digits!');
    const second = await fx.registry.import(other.files, 'My Digits!');
    expect([first.id, second.id]).toEqual(['my-digits', 'my-digits-2']);
    expect(fx.registry.list().map((d) => d.id)).toContain('my-digits-2');
    expect(fx.registry.load('my-digits-2').test.labels).toEqual(other.test.labels);
  });

  it('refuses the same images and labels again, naming the dataset they already are, and registers nothing', async () => {
    const folder = writeIdxFolder(join(work, 'twice'), { train: 25, test: 10 });
    const first = await fx.registry.import([folder.dir], 'Twice');
    const before = fx.registry.list().length;
    // Another folder, other file names, gzipped, another name: the content decides.
    const copy = writeIdxFolder(join(work, 'twice-copy'), { train: 25, test: 10, gz: true });
    await expect(fx.registry.import([copy.dir], 'Twice again')).rejects.toThrow(
      `${copy.dir}: holds the same images and labels as the dataset “Twice” (${first.id}), registered`,
    );
    await expect(fx.registry.import([folder.dir])).rejects.toThrow('choose “Twice” in the dataset list instead of importing it again');
    expect(fx.registry.list()).toHaveLength(before);
  });

  it('names Fashion-MNIST classes when the folder or the name says fashion', async () => {
    const byFolder = await fx.registry.import([writeIdxFolder(join(work, 'fashion-mnist'), { train: 10, test: 10 }).dir]);
    const byName = await fx.registry.import([writeIdxFolder(join(work, 'clothes'), { train: 11, test: 10 }).dir], 'Fashion sample');
    for (const info of [byFolder, byName]) {
      expect(info.classNames).toHaveLength(10);
      expect(info.classNames[0]).toBe('T-shirt/top');
      expect(info.classNames[7]).toBe('Sneaker');
      expect(info.classNames[9]).toBe('Ankle boot');
    }
  });

  it('slugs names into safe ids', () => {
    expect(slugify('  Fashion MNIST (Zalando) ')).toBe('fashion-mnist-zalando');
    expect(slugify('Ünïcodé ✓ set')).toBe('unicode-set');
    expect(slugify('!!!')).toBe('dataset');
    expect(slugify('x'.repeat(100))).toHaveLength(40);
  });

  it('leaves no temporary files behind in the datasets folder', () => {
    const leftovers = readdirSync(join(fx.dataDir, 'datasets')).filter((name) => !name.endsWith('.bin'));
    expect(leftovers).toEqual([]);
  });
});
