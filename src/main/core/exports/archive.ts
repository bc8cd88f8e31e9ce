/** Exports as one zip, for a save dialog or a browser download. */
import { zipSync } from 'fflate';
import type { ExportFile } from './model-files';

export type { ExportFile } from './model-files';

/** A zip of `files`, each at the top level of the archive. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, f.data])), { level: 6 });
}
