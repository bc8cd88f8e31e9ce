import { readyDataset } from './dataset-ready';
import { notFound } from './errors';
import type { Handlers, LabContext } from './handler-types';

type DatasetChannel = 'lab:info' | 'datasets:list' | 'datasets:images';

export function datasetHandlers(ctx: LabContext): Handlers<DatasetChannel> {
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
  };
}
