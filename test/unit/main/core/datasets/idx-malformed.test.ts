import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '@core/datasets/dataset';
import { idxBytes, sampleSplit, writeIdxFolder } from '@support/idx-files';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

/** Each case breaks one file of an otherwise valid folder; `file` is the one the error must name. */
interface BrokenCase {
  name: string;
  file: string;
  bytes?: Uint8Array | null;
  problem: RegExp;
}

const images = (count: number, rows = 28, cols = 28, body = sampleSplit(count).images): Uint8Array => idxBytes([count, rows, cols], body);
const labels = (values: number[]): Uint8Array => idxBytes([values.length], Uint8Array.from(values));
const tenLabels = Array.from({ length: 10 }, (_, i) => i % 10);

const CASES: BrokenCase[] = [
  { name: 'bad magic number', file: 'train-images-idx3-ubyte', bytes: labels(tenLabels), problem: /bad magic number 0x00000801 \(this is a labels file\)/ },
  { name: 'garbage magic', file: 't10k-labels-idx1-ubyte', bytes: Buffer.from('PK\u0003\u0004 not idx at all'), problem: /bad magic number/ },
  { name: 'too short for a header', file: 't10k-labels-idx1-ubyte', bytes: Uint8Array.of(0, 0), problem: /too short/ },
  {
    name: 'truncated images',
    file: 'train-images-idx3-ubyte',
    bytes: images(10).subarray(0, 16 + 784 * 9 + 100),
    problem: /truncated: its header claims 10 images/,
  },
  { name: 'truncated header', file: 'train-images-idx3-ubyte', bytes: images(10).subarray(0, 10), problem: /truncated: the header needs 16 bytes/ },
  {
    name: 'image/label count mismatch',
    file: 'train-labels-idx1-ubyte',
    bytes: labels([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    problem: /holds 9 labels but .* holds 10 images/,
  },
  {
    name: 'wrong dimensions',
    file: 'train-images-idx3-ubyte',
    bytes: images(10, 27, 28, new Uint8Array(10 * 27 * 28)),
    problem: /27×28 pixels, Loss Lab needs 28×28/,
  },
  {
    name: 'absurd count',
    file: 't10k-images-idx3-ubyte',
    bytes: images(2_000_000, 28, 28, new Uint8Array(784)),
    problem: /claims 2000000 images, more than the 400000 allowed/,
  },
  {
    name: 'header claims more bytes than the file',
    file: 't10k-labels-idx1-ubyte',
    bytes: idxBytes([300_000], new Uint8Array(10)),
    problem: /truncated: its header claims 300000 labels/,
  },
  { name: 'extra bytes', file: 't10k-labels-idx1-ubyte', bytes: idxBytes([10], new Uint8Array(14)), problem: /4 unexpected bytes/ },
  {
    name: 'label outside 0..9',
    file: 't10k-labels-idx1-ubyte',
    bytes: labels([0, 1, 2, 3, 4, 5, 6, 10, 8, 9]),
    problem: /label 10 at index 7 is outside 0\.\.9/,
  },
  { name: 'empty file set', file: 'train-labels-idx1-ubyte', bytes: labels([]), problem: /holds no labels/ },
  { name: 'missing file', file: 't10k-labels-idx1-ubyte', bytes: null, problem: /missing file/ },
];

describe('malformed IDX files', () => {
  let fx: RegistryFixture;
  let work: string;
  beforeAll(async () => {
    fx = await openRegistryFixture();
    work = mkdtempSync(join(tmpdir(), 'loss-lab-bad-idx-'));
  });
  afterAll(() => {
    fx.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  const expectRejected = async (paths: string[], file: string, problem: RegExp): Promise<void> => {
    const before = fx.registry.list().map((d) => d.id);
    const cachesBefore = readdirSync(join(fx.dataDir, 'datasets'));
    const error = await fx.registry.import(paths).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetError);
    const datasetError = error as DatasetError;
    expect(datasetError.file).toContain(file);
    expect(datasetError.message).toContain(file);
    expect(datasetError.problem).toMatch(problem);
    expect(fx.registry.list().map((d) => d.id)).toEqual(before);
    expect(readdirSync(join(fx.dataDir, 'datasets'))).toEqual(cachesBefore);
  };

  for (const [i, c] of CASES.entries()) {
    for (const gz of [false, true]) {
      it(`${c.name}${gz ? ' (gzipped)' : ''}: DatasetError naming ${c.file}, nothing registered`, async () => {
        const folder = writeIdxFolder(join(work, `case-${i}-${gz ? 'gz' : 'raw'}`), { train: 10, test: 10, gz });
        const target = join(folder.dir, `${c.file}${gz ? '.gz' : ''}`);
        if (c.bytes === null) rmSync(target);
        else if (c.bytes) writeFileSync(target, gz ? gzipSync(c.bytes) : c.bytes);
        await expectRejected([folder.dir], c.file, c.problem);
      });
    }
  }

  it('a damaged gzip file: DatasetError naming it', async () => {
    const folder = writeIdxFolder(join(work, 'bad-gzip'), { train: 10, test: 10, gz: true });
    const target = join(folder.dir, 'train-images-idx3-ubyte.gz');
    writeFileSync(target, gzipSync(images(10)).subarray(0, 200));
    await expectRejected([folder.dir], 'train-images-idx3-ubyte.gz', /not a valid gzip file/);
  });

  it('files with non-standard names, a missing path or too few files: DatasetError', async () => {
    const folder = writeIdxFolder(join(work, 'names'), { train: 10, test: 10 });
    const renamed = join(work, 'digits.bin');
    writeFileSync(renamed, images(10));
    await expectRejected([renamed, ...folder.files.slice(1)], 'digits.bin', /standard IDX file name/);
    await expectRejected(folder.files.slice(0, 3), 't10k-labels-idx1-ubyte', /missing file/);
    await expectRejected([join(work, 'nowhere', 'train-images-idx3-ubyte'), ...folder.files.slice(1)], 'nowhere', /not found/);
    await expectRejected([join(work, 'folder-that-does-not-exist')], 'folder-that-does-not-exist', /not found/);
    const empty = join(work, 'empty-folder');
    mkdirSync(empty);
    await expectRejected([empty], 'train-images-idx3-ubyte', /missing file/);
  });
});
