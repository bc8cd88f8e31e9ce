/** In-memory datasets: raw image bytes and labels, split into train and test. */
import type { DatasetInfo } from '../../../shared/dataset-types';
import { CoreError } from '../errors';

/** Pixels in one image: 28 rows × 28 columns. */
export const IMAGE_SIZE = 28 * 28;

/** Number of classes every dataset has (labels 0..9). */
export const CLASS_COUNT = 10;

export const DIGIT_CLASS_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Fashion-MNIST's classes by label, as published by Zalando Research. */
export const FASHION_CLASS_NAMES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

export interface DatasetSplit {
  /** count × 784 bytes, row-major 28×28, 0..255, light ink on dark (0 is background). */
  images: Uint8Array;
  /** count bytes, each 0..9. */
  labels: Uint8Array;
  /** Number of images; images.length === count × 784 and labels.length === count. */
  count: number;
}

export interface Dataset {
  info: DatasetInfo;
  train: DatasetSplit;
  test: DatasetSplit;
}

const DEFAULT_ADVICE = 'use the standard MNIST-format IDX files (raw or .gz), downloading them again if they may be damaged';

/** A dataset file that cannot be used. `message` names the file, the problem and what to do. */
export class DatasetError extends CoreError {
  constructor(
    readonly file: string,
    readonly problem: string,
    advice: string = DEFAULT_ADVICE,
  ) {
    super('dataset_error', `${file}: ${problem}; ${advice}`);
    this.name = 'DatasetError';
  }
}

/** The 784 bytes of image `index` of a split, as a view (no copy). */
export function imageAt(split: DatasetSplit, index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index >= split.count) {
    throw new RangeError(`image index ${index} is outside 0..${split.count - 1}`);
  }
  return split.images.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE);
}
