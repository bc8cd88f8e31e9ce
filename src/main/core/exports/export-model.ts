/** Writes a stored model in the tfjs layers format: `model.json` plus one `weights.bin` shard. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDirectory } from '../files/ensure-directory';
import type { SavedModel } from '../../../shared/saved-model';
import { modelFiles } from './model-files';

/**
 * Writes `model.json` and `weights.bin` into `dir` (created if missing; existing files of those names are
 * replaced). Load with `tf.loadLayersModel('<url or file:// of dir>/model.json')`. Returns absolute paths.
 */
export function exportModel(saved: SavedModel, dir: string): string[] {
  const root = ensureDirectory(dir);
  return modelFiles(saved).map(({ name, data }) => {
    const path = join(root, name);
    writeFileSync(path, data);
    return path;
  });
}
