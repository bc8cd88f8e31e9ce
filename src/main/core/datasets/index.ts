/** Datasets: the built-in MNIST digits, IDX import, and the binary cache worker threads read. */
export { CLASS_COUNT, DatasetError, DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, IMAGE_SIZE, imageAt, type Dataset, type DatasetSplit } from './dataset';
export { CACHE_VERSION, readDatasetCache, writeDatasetCache } from './cache';
export { EMBEDDED_DATASET_ID, EMBEDDED_SPLIT_SEED, EMBEDDED_TRAIN_SIZE } from './embedded';
export { MAX_IDX_COUNT } from './idx';
export type { ImportProgress, ProgressListener } from './idx-import';
export { openDatasetRegistry, type DatasetRegistry } from './registry';
