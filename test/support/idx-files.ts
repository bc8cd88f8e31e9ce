/** Test helper: writes small, valid (or deliberately broken) IDX files into a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface IdxSplitBytes {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** IDX bytes: big-endian magic 0x000008NN, one uint32 per dimension, then `body`. */
export function idxBytes(dims: number[], body: Uint8Array, magic = 0x800 | dims.length): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, body]);
}

/** `count` deterministic 28×28 images (pixel = (i·31 + p·7) mod 256) and labels i mod 10. */
export function sampleSplit(count: number, offset = 0): IdxSplitBytes {
  const images = new Uint8Array(count * 784);
  for (let i = 0; i < count; i++) for (let p = 0; p < 784; p++) images[i * 784 + p] = ((i + offset) * 31 + p * 7) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => (i + offset) % 10);
  return { images, labels, count };
}

export interface IdxFolder {
  dir: string;
  train: IdxSplitBytes;
  test: IdxSplitBytes;
  /** Paths of the four files: train images, train labels, test images, test labels. */
  files: [string, string, string, string];
}

/** Writes the four standard-named IDX files (gzipped when `gz`) into `dir`, creating it. */
export function writeIdxFolder(dir: string, options: { train?: number; test?: number; gz?: boolean } = {}): IdxFolder {
  mkdirSync(dir, { recursive: true });
  const train = sampleSplit(options.train ?? 30);
  const test = sampleSplit(options.test ?? 12, 5);
  const suffix = options.gz ? '.gz' : '';
  const write = (name: string, bytes: Uint8Array): string => {
    const path = join(dir, `${name}${suffix}`);
    writeFileSync(path, options.gz ? gzipSync(bytes) : bytes);
    return path;
  };
  const files: IdxFolder['files'] = [
    write('train-images-idx3-ubyte', idxBytes([train.count, 28, 28], train.images)),
    write('train-labels-idx1-ubyte', idxBytes([train.count], train.labels)),
    write('t10k-images-idx3-ubyte', idxBytes([test.count, 28, 28], test.images)),
    write('t10k-labels-idx1-ubyte', idxBytes([test.count], test.labels)),
  ];
  return { dir, train, test, files };
}
