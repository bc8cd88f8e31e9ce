/**
 * The channels that touch files, none of which takes a path from the renderer: exports are saved through the
 * desktop host's dialog or handed back as a zip to download; imports come from the dialog or from an upload.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportOutcome } from '../../../shared/contract';
import { zipFiles } from '../exports/archive';
import { modelFiles } from '../exports/model-files';
import { exportModel } from '../exports/export-model';
import { CoreError } from '../errors';
import { conflict, notFound } from './errors';
import type { Handlers, LabContext } from './handler-types';
import type { LabPaths } from './host-files';

type FileChannel = 'runs:exportModel' | 'studies:export' | 'datasets:import';

/** Loaded on first use: the study exporter's chart renderer (ECharts) adds ~70 MiB to every process that imports it. */
const studyExporter = () => import('../studies/report/export-study');

/** Folder (under the data dir) where browser mode's server stages uploaded IDX files, one subfolder an upload. */
export const uploadsDir = (dataDir: string): string => join(dataDir, 'uploads');

async function deliver(ctx: LabContext, fileName: string, bytes: Uint8Array): Promise<ExportOutcome> {
  if (!ctx.files) return { kind: 'download', fileName, base64: Buffer.from(bytes).toString('base64') };
  const path = await ctx.files.save(fileName, bytes);
  return path === null ? { kind: 'cancelled' } : { kind: 'saved', path };
}

function requireModel(ctx: LabContext, runId: number) {
  const model = ctx.store.getModel(runId);
  if (!model) throw ctx.store.getRun(runId) ? conflict(`run ${runId} has no trained model to export`) : notFound(`run ${runId}`);
  return model;
}

export function fileHandlers(ctx: LabContext): Handlers<FileChannel> {
  const progress = (p: { path: string; fraction: number; message: string }) => ctx.events.emit('datasets:importProgress', p);
  return {
    'runs:exportModel': ({ runId }) => deliver(ctx, `run-${runId}-model.zip`, zipFiles(modelFiles(requireModel(ctx, runId)))),
    'studies:export': async ({ studyId }) => {
      const { fileName, bytes } = await (await studyExporter()).studyArchive(ctx.store, studyId, ctx.workers);
      return deliver(ctx, fileName, bytes);
    },
    'datasets:import': async ({ name, uploadId }) => {
      if (uploadId !== undefined) {
        const folder = join(uploadsDir(ctx.info.dataDir), uploadId);
        if (!existsSync(folder)) throw notFound(`upload ${uploadId}`);
        try {
          const source = `IDX files uploaded from the browser: ${readdirSync(folder).sort().join(', ')}`;
          return await ctx.datasets.import([folder], name ?? 'Uploaded dataset', progress, source);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }
      if (!ctx.files) throw new CoreError('invalid_request', 'upload the four IDX files first (POST /uploads), then import with their uploadId');
      const paths = await ctx.files.chooseImport();
      return paths === null ? null : ctx.datasets.import(paths, name, progress);
    },
  };
}

/** The command line's path-taking operations (the person typed the paths). */
export function labPaths(ctx: LabContext): LabPaths {
  return {
    importDataset: (paths, name, onProgress) => ctx.datasets.import(paths, name, onProgress),
    exportStudy: async (studyId, dir) => (await studyExporter()).exportStudy(ctx.store, studyId, dir, ctx.workers),
    exportModel: (runId, dir) => ({ files: exportModel(requireModel(ctx, runId), dir) }),
  };
}
