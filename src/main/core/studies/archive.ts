/** Exports as one zip, for a save dialog or a browser download. */
import { strToU8, zipSync } from 'fflate';
import type { SavedModel } from '../store/store-types';
import { layersModelJson } from './export-model';

export interface ExportFile {
  name: string;
  data: Uint8Array;
}

/** The files of a model export: `model.json` and the `weights.bin` shard it names. */
export function modelFiles(saved: SavedModel): ExportFile[] {
  return [
    { name: 'model.json', data: strToU8(JSON.stringify(layersModelJson(saved))) },
    { name: 'weights.bin', data: saved.weightData },
  ];
}

/** A zip of `files`, each at the top level of the archive. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, f.data])), { level: 6 });
}
