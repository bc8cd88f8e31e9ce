/** Checks a request's dataset and makes its cache ready (the full MNIST converts on first use, with progress). */
import { notFound } from './errors';
import type { LabContext } from './handler-types';

/** Throws not_found for an unknown id; otherwise resolves once runs can read the dataset. */
export async function readyDataset(ctx: LabContext, datasetId: string): Promise<void> {
  if (!ctx.datasets.list().some((d) => d.id === datasetId)) throw notFound(`dataset ${datasetId}`);
  await ctx.datasets.prepare(datasetId, (progress) => ctx.events.emit('datasets:importProgress', progress));
}
