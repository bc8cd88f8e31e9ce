/** Datasets: the built-in MNIST sets, IDX import, and the binary cache worker threads read. */
export { CLASS_COUNT, DatasetError, DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, IMAGE_SIZE, imageAt, type Dataset, type DatasetSplit } from './dataset';
export { CACHE_VERSION, readDatasetCache, writeDatasetCache } from './cache';
export { EMBEDDED_DATASET_ID, EMBEDDED_DATASET_NAME, EMBEDDED_SPLIT_SEED, EMBEDDED_TRAIN_SIZE } from './embedded';
export { MNIST_DATASET_ID, MNIST_TEST_SIZE, MNIST_TRAIN_SIZE } from './mnist-full';
export { MAX_IDX_COUNT } from './idx';
export type { ImportProgress, ProgressListener } from './idx-import';
export { openDatasetRegistry, type DatasetRegistry } from './registry';
