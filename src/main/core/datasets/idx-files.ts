/** Finds the four IDX files of a dataset, from a folder or from the files themselves. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DatasetError } from './dataset';

export type IdxRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** Absolute or caller-relative path of each of the four files. */
export type IdxFiles = Record<IdxRole, string>;

/** Roles in the order they are read; also the standard file name of each (without `.gz`). */
export const IDX_ROLES: readonly { role: IdxRole; standardName: string; pattern: RegExp }[] = [
  { role: 'trainImages', standardName: 'train-images-idx3-ubyte', pattern: /^train-images[-.]idx3-ubyte(\.gz)?$/i },
  { role: 'trainLabels', standardName: 'train-labels-idx1-ubyte', pattern: /^train-labels[-.]idx1-ubyte(\.gz)?$/i },
  { role: 'testImages', standardName: 't10k-images-idx3-ubyte', pattern: /^(t10k|test)-images[-.]idx3-ubyte(\.gz)?$/i },
  { role: 'testLabels', standardName: 't10k-labels-idx1-ubyte', pattern: /^(t10k|test)-labels[-.]idx1-ubyte(\.gz)?$/i },
];

const CHOOSE_ADVICE = 'choose the folder holding train-images, train-labels, t10k-images and t10k-labels (raw or .gz), or those four files';

/**
 * Resolves `paths` (one folder, or the four files) to the four IDX files by their standard names.
 * In a folder an uncompressed file wins over its `.gz` twin. Throws DatasetError naming what is missing.
 */
export function locateIdxFiles(paths: string[]): IdxFiles {
  if (paths.length === 0) throw new DatasetError('(nothing chosen)', 'no folder or files were given', CHOOSE_ADVICE);
  if (paths.length === 1 && isDirectory(paths[0])) return fromFolder(paths[0]);
  const found: Partial<IdxFiles> = {};
  for (const path of paths) {
    if (!existsSync(path)) throw new DatasetError(path, 'not found', CHOOSE_ADVICE);
    if (isDirectory(path)) throw new DatasetError(path, 'is a folder; choose either one folder or the four files', CHOOSE_ADVICE);
    const entry = IDX_ROLES.find((r) => r.pattern.test(basename(path)));
    if (!entry) throw new DatasetError(path, 'does not have a standard IDX file name (e.g. train-images-idx3-ubyte.gz)', CHOOSE_ADVICE);
    if (found[entry.role]) throw new DatasetError(path, `was chosen twice as ${entry.standardName} (also ${found[entry.role]})`, CHOOSE_ADVICE);
    found[entry.role] = path;
  }
  return complete(found, (name) => `${name} (or ${name}.gz)`);
}

/** A readable name for the dataset: the folder's name, or the name of the folder holding the files. */
export function defaultDatasetName(paths: string[], files: IdxFiles): string {
  const folder = paths.length === 1 && isDirectory(paths[0]) ? paths[0] : join(files.trainImages, '..');
  const name = basename(folder).trim();
  return name.length > 0 ? name : 'Imported dataset';
}

function fromFolder(folder: string): IdxFiles {
  let names: string[];
  try {
    names = readdirSync(folder).sort((a, b) => a.length - b.length || a.localeCompare(b));
  } catch (error) {
    throw new DatasetError(folder, `cannot be listed (${(error as NodeJS.ErrnoException).code ?? String(error)})`, CHOOSE_ADVICE);
  }
  const found: Partial<IdxFiles> = {};
  for (const { role, pattern } of IDX_ROLES) {
    // Shortest name first, so `x-idx3-ubyte` wins over `x-idx3-ubyte.gz`.
    const name = names.find((n) => pattern.test(n));
    if (name) found[role] = join(folder, name);
  }
  return complete(found, (name) => join(folder, `${name}(.gz)`));
}

function complete(found: Partial<IdxFiles>, describeMissing: (standardName: string) => string): IdxFiles {
  const pick = (role: IdxRole): string => {
    const path = found[role];
    if (path) return path;
    const standardName = IDX_ROLES.find((r) => r.role === role)?.standardName ?? role;
    throw new DatasetError(describeMissing(standardName), 'missing file', CHOOSE_ADVICE);
  };
  return { trainImages: pick('trainImages'), trainLabels: pick('trainLabels'), testImages: pick('testImages'), testLabels: pick('testLabels') };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
