export interface DatasetInfo {
  /** `mnist-embedded` for the shipped digits; a slug for imported sets. */
  id: string;
  name: string;
  kind: 'embedded' | 'idx';
  trainSize: number;
  testSize: number;
  /** Class names by label, e.g. '0'..'9' or 'T-shirt/top', …. Always 10. */
  classNames: string[];
  /** Where the data came from, for a person to read. */
  source: string;
  createdAt: string;
}

/** Raw images: each 784 bytes 0..255, row-major 28×28, light ink on dark as in MNIST. */
export interface DatasetImages {
  images: number[][];
  labels: number[];
}

/** What uses a dataset: deleting it deletes these too (when the person agrees). */
export interface DatasetUsage {
  /** Runs trained (or to be trained) on it, study runs included. */
  runs: number;
  /** Studies on it. */
  studies: number;
  /** Of `runs`, those queued or training: the dataset cannot be deleted while any is. */
  active: number;
  /** The built-in sets cannot be deleted. */
  builtIn: boolean;
}
