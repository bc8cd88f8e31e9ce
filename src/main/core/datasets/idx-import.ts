/** Reads the four IDX files of a dataset into train and test splits, checking that they agree. */
import { DatasetError, DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, type DatasetSplit } from './dataset';
import { IDX_ROLES, type IdxFiles, type IdxRole } from './idx-files';
import { parseIdxImages, parseIdxLabels } from './idx';
import { readIdxBytes } from './idx-read';

/** Progress of an import: `fraction` 0..1 of the whole import, `message` for a person. */
export interface ImportProgress {
  path: string;
  fraction: number;
  message: string;
}

export type ProgressListener = (progress: ImportProgress) => void;

/** Share of the import's progress bar taken by reading the four files; the rest is writing the cache. */
const READ_SHARE = 0.9;

/** Reads and validates the four files, reporting progress after each. Throws DatasetError on any problem. */
export async function readIdxSplits(files: IdxFiles, onProgress?: ProgressListener): Promise<{ train: DatasetSplit; test: DatasetSplit }> {
  const bytes: Partial<Record<IdxRole, Uint8Array>> = {};
  for (const [i, { role }] of IDX_ROLES.entries()) {
    const path = files[role];
    const data = await readIdxBytes(path);
    // Parse straight away so a bad first file fails before the big ones are read.
    const count = role.endsWith('Images') ? parseIdxImages(data, path).count : parseIdxLabels(data, path).count;
    bytes[role] = data;
    onProgress?.({ path, fraction: ((i + 1) / IDX_ROLES.length) * READ_SHARE, message: `Read ${count.toLocaleString('en-US')} ${describe(role)}` });
  }
  const split = (images: IdxRole, labels: IdxRole): DatasetSplit => {
    const parsedImages = parseIdxImages(required(bytes, images), files[images]);
    const parsedLabels = parseIdxLabels(required(bytes, labels), files[labels]);
    if (parsedImages.count !== parsedLabels.count) {
      throw new DatasetError(
        files[labels],
        `holds ${parsedLabels.count} labels but ${files[images]} holds ${parsedImages.count} images`,
        'choose image and label files from the same dataset',
      );
    }
    return { count: parsedImages.count, images: parsedImages.images, labels: parsedLabels.labels };
  };
  return { train: split('trainImages', 'trainLabels'), test: split('testImages', 'testLabels') };
}

/** Fashion-MNIST is recognised by "fashion" in the dataset's name or folder; anything else is digits. */
export function classNamesFor(...hints: string[]): string[] {
  return [...(hints.some((h) => /fashion/i.test(h)) ? FASHION_CLASS_NAMES : DIGIT_CLASS_NAMES)];
}

function required(bytes: Partial<Record<IdxRole, Uint8Array>>, role: IdxRole): Uint8Array {
  const data = bytes[role];
  if (!data) throw new Error(`internal: ${role} was not read`);
  return data;
}

function describe(role: IdxRole): string {
  return { trainImages: 'training images', trainLabels: 'training labels', testImages: 'test images', testLabels: 'test labels' }[role];
}
