import { readyDataset } from './dataset-ready';
import { BUILT_IN_DATASET_IDS } from '../datasets/registry';
import { datasetUsage, describeUsage } from './dataset-usage';
import { conflict, notFound } from './errors';
import type { Handlers, LabContext } from './handler-types';

type DatasetChannel = 'lab:info' | 'datasets:list' | 'datasets:images' | 'datasets:usage' | 'datasets:delete';

export function datasetHandlers(ctx: LabContext): Handlers<DatasetChannel> {
  const requireDataset = (datasetId: string) => {
    const info = ctx.datasets.list().find((d) => d.id === datasetId);
    if (!info) throw notFound(`dataset "${datasetId}"`);
    return info;
  };
  return {
    'lab:info': () => ctx.info,
    'datasets:list': () => ctx.datasets.list(),
    'datasets:images': async ({ datasetId, split, indices }) => {
      await readyDataset(ctx, datasetId);
      const { images, labels, count } = ctx.datasets.load(datasetId)[split];
      const outOfRange = indices.find((i) => i >= count);
      if (outOfRange !== undefined) throw notFound(`image ${outOfRange} of the ${split} split (it holds ${count})`);
      return {
        images: indices.map((i) => Array.from(images.subarray(i * 784, (i + 1) * 784))),
        labels: indices.map((i) => labels[i]),
      };
    },
    'datasets:usage': ({ datasetId }) => {
      requireDataset(datasetId);
      return datasetUsage(ctx.store, datasetId);
    },
    'datasets:delete': ({ datasetId, deleteRuns }) => {
      const info = requireDataset(datasetId);
      if (BUILT_IN_DATASET_IDS.includes(datasetId)) {
        throw conflict(`“${info.name}” (${datasetId}) is built into Loss Lab and cannot be deleted; only imported datasets can`);
      }
      // The check runs in the deletion's transaction, which holds the write lock: no other process (the CLI,
      // the app) can add a run between the check and the delete.
      const removed = ctx.datasets.remove(datasetId, (usage) => {
        if (usage.active > 0) {
          throw conflict(
            `“${info.name}” has ${usage.active} run${usage.active === 1 ? '' : 's'} queued or training: stop them (or cancel their study), then delete it`,
          );
        }
        if ((usage.runs > 0 || usage.studies > 0) && !deleteRuns) {
          throw conflict(
            `“${info.name}” is used by ${describeUsage(usage)}: delete them with it (deleteRuns, or --with-runs on the command line) or delete them first`,
          );
        }
      });
      for (const runId of removed.runIds) ctx.predictors.forget(runId);
      return { deleted: datasetId, runsDeleted: removed.runs, studiesDeleted: removed.studies };
    },
  };
}
