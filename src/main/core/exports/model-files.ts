/** A stored model as the files of the tfjs layers format: `model.json` plus one `weights.bin` shard. */
import { strToU8 } from 'fflate';
import type { SavedModel } from '../../../shared/saved-model';

export interface ExportFile {
  name: string;
  data: Uint8Array;
}

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

/** The files of a model export: `model.json` and the `weights.bin` shard it names. */
export function modelFiles(saved: SavedModel): ExportFile[] {
  return [
    { name: 'model.json', data: strToU8(JSON.stringify(layersModelJson(saved))) },
    { name: 'weights.bin', data: saved.weightData },
  ];
}
