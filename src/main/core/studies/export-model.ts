/** Writes a stored model in the tfjs layers format: `model.json` plus one `weights.bin` shard. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDirectory } from '../files/ensure-directory';
import type { SavedModel } from '../store/store-types';
import { modelFiles } from './archive';

/** What `tf.loadLayersModel` reads: topology and the manifest of the weight shards (paths relative to it). */
export interface LayersModelJson {
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: unknown[] }[];
}

/** The `model.json` document for `saved`, its weights in a shard named `weightsFile`. */
export function layersModelJson(saved: SavedModel, weightsFile = 'weights.bin'): LayersModelJson {
  return {
    format: 'layers-model',
    generatedBy: 'Loss Lab',
    convertedBy: null,
    modelTopology: saved.modelTopology,
    weightsManifest: [{ paths: [weightsFile], weights: saved.weightSpecs }],
  };
}

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
