import type { ProgressListener } from '../datasets/idx-import';
import type { DatasetInfo } from '../../../shared/dataset-types';
import type { ExportResult } from '../../../shared/contract';

/**
 * The desktop host's file dialogs, so paths come from the person, never from the renderer. Browser mode and the
 * command line have none: the browser downloads and uploads, the command line takes the paths it was typed.
 */
export interface HostFiles {
  /** Asks where to save `fileName` (a native save dialog) and writes `bytes` there; the path, or null if cancelled. */
  save(fileName: string, bytes: Uint8Array): Promise<string | null>;
  /** Asks for a folder holding the four IDX files, or the four files; null if cancelled. */
  chooseImport(): Promise<string[] | null>;
}

/** Operations on paths the person typed on the command line. Not channels: no renderer can reach them. */
export interface LabPaths {
  importDataset(paths: string[], name?: string, onProgress?: ProgressListener): Promise<DatasetInfo>;
  exportStudy(studyId: number, dir: string): Promise<ExportResult>;
  exportModel(runId: number, dir: string): ExportResult;
}
