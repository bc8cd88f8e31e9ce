/** Imports of things that are not IDX files of sane size: FIFOs, devices, decompression bombs. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '@core/datasets/dataset';
import { MAX_IDX_COUNT } from '@core/datasets/idx';
import { idxBytes, writeIdxFolder } from '@support/idx-files';
import { openRegistryFixture, type RegistryFixture } from '@support/dataset-registry';

let fx: RegistryFixture;
let work: string;
beforeAll(async () => {
  fx = await openRegistryFixture();
  work = mkdtempSync(join(tmpdir(), 'loss-lab-odd-idx-'));
});
afterAll(() => {
  fx.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** Streams a gzip of `header` followed by `zeros` zero bytes, without holding the decompressed bytes. */
async function gzipBomb(path: string, header: Uint8Array, zeros: number): Promise<void> {
  const { createWriteStream } = await import('node:fs');
  const gzip = createGzip({ level: 9 });
  const done = new Promise<void>((resolve, reject) => gzip.pipe(createWriteStream(path)).on('finish', resolve).on('error', reject));
  gzip.write(header);
  const chunk = Buffer.alloc(1 << 20);
  for (let left = zeros; left > 0; left -= chunk.length) {
    if (!gzip.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => gzip.once('drain', r));
  }
  gzip.end();
  await done;
}

async function importError(folder: string): Promise<DatasetError> {
  const before = readdirSync(join(fx.dataDir, 'datasets'));
  const error = await fx.registry.import([folder]).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  expect(readdirSync(join(fx.dataDir, 'datasets'))).toEqual(before);
  return error as DatasetError;
}

describe('import accepts regular files only', () => {
  it.skipIf(process.platform === 'win32')(
    'a FIFO named like an IDX file is refused at once (it used to wait forever)',
    async () => {
      const folder = writeIdxFolder(join(work, 'fifo'), { train: 10, test: 10 });
      rmSync(folder.files[0]);
      expect(spawnSync('mkfifo', [folder.files[0]]).status).toBe(0);
      const error = await importError(folder.dir);
      expect(error.file).toBe(folder.files[0]);
      expect(error.problem).toMatch(/is not a regular file \(a FIFO\)/);
    },
    10_000,
  );

  it.skipIf(!existsSync('/dev/zero'))(
    'a symlink to /dev/zero is refused after resolving it (it used to grow memory without bound)',
    async () => {
      const folder = writeIdxFolder(join(work, 'zero'), { train: 10, test: 10 });
      rmSync(folder.files[2]);
      symlinkSync('/dev/zero', folder.files[2]);
      const error = await importError(folder.dir);
      expect(error.problem).toMatch(/is not a regular file \(a character device, \/dev\/zero\)/);
    },
    10_000,
  );

  it('a symlink to a regular IDX file is followed', async () => {
    const folder = writeIdxFolder(join(work, 'linked'), { train: 10, test: 10 });
    const elsewhere = join(work, 'real-train-images');
    writeFileSync(elsewhere, idxBytes([10, 28, 28], folder.train.images));
    rmSync(folder.files[0]);
    symlinkSync(elsewhere, folder.files[0]);
    await expect(fx.registry.import([folder.dir], 'linked')).resolves.toMatchObject({ trainSize: 10 });
  });
});

describe('decompressed size is bounded', () => {
  it(`a small .gz whose header claims more than ${MAX_IDX_COUNT} images is refused from its header`, async () => {
    const folder = writeIdxFolder(join(work, 'bomb'), { train: 10, test: 10, gz: true });
    const count = MAX_IDX_COUNT + 50_000;
    await gzipBomb(folder.files[0], idxBytes([count, 28, 28], new Uint8Array(0)), count * 784);
    const error = await importError(folder.dir);
    expect(error.problem).toMatch(new RegExp(`claims ${count} images, more than the ${MAX_IDX_COUNT} allowed`));
  }, 60_000);

  it('a .gz that inflates far past what its header claims stops reading at the bound', async () => {
    const folder = writeIdxFolder(join(work, 'long-tail'), { train: 10, test: 10, gz: true });
    await gzipBomb(folder.files[1], idxBytes([10], new Uint8Array(10)), 200 * 1024 * 1024);
    const error = await importError(folder.dir);
    expect(error.problem).toMatch(/more than \d+ unexpected bytes after its 10 labels/);
  }, 60_000);

  it('Fashion-MNIST-sized files are well within the bound', () => {
    expect(MAX_IDX_COUNT).toBeGreaterThanOrEqual(4 * 60_000);
    expect(gzipSync(Buffer.alloc(1)).length).toBeGreaterThan(0);
  });
});
