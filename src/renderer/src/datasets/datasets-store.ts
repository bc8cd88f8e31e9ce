import { defineStore } from 'pinia';
import { onScopeDispose, ref } from 'vue';
import type { Request } from '@shared/contract';
import type { DatasetImages, DatasetInfo, DatasetUsage } from '@shared/dataset-types';
import { errorMessage, labApi } from '@renderer/api';
import { uploadIdxFiles } from '@renderer/api/files';
import { useRequestState } from '../app/request-state';
import { useRunsStore } from '../runs/runs-store';
import { useStudiesStore } from '../studies/studies-store';

export interface ImportProgress {
  /** 0..1 */
  fraction: number;
  message: string;
}

/** Datasets: the embedded MNIST and IDX sets imported from disk. */
export const useDatasetsStore = defineStore('datasets', () => {
  const { loading, error, track } = useRequestState();
  const list = ref<DatasetInfo[]>([]);
  const importing = ref(false);
  const progress = ref<ImportProgress | null>(null);
  /** Why the last import failed (the IDX reader's message), kept apart from list errors. */
  const importError = ref<string | null>(null);

  async function load(): Promise<void> {
    const datasets = await track(() => labApi().datasets.list());
    if (datasets) list.value = datasets;
  }

  /**
   * Imports a dataset: `files` (browser mode) are uploaded first; without them (desktop) main asks the person with
   * its own dialog. Undefined when it failed (see `importError`) or the dialog was cancelled.
   */
  async function importDataset(name?: string, files?: readonly File[]): Promise<DatasetInfo | undefined> {
    importing.value = true;
    importError.value = null;
    progress.value = { fraction: 0, message: files ? 'uploading' : 'starting' };
    try {
      const uploadId = files ? await uploadIdxFiles(files) : undefined;
      const dataset = await labApi().datasets.import({ name, uploadId });
      if (!dataset) return undefined;
      list.value = [...list.value.filter((d) => d.id !== dataset.id), dataset];
      return dataset;
    } catch (e) {
      importError.value = errorMessage(e);
      return undefined;
    } finally {
      importing.value = false;
      progress.value = null;
    }
  }

  /** Raw images of a split (for galleries); the caller keeps them, failures land in `error`. */
  async function images(request: Request<'datasets:images'>): Promise<DatasetImages | undefined> {
    return track(() => labApi().datasets.images(request));
  }

  /** Why the last delete failed (or was refused), kept apart from list errors. */
  const deleteError = ref<string | null>(null);

  /** How many runs and studies use a dataset, for the delete question; undefined when asking failed. */
  async function usage(datasetId: string): Promise<DatasetUsage | undefined> {
    deleteError.value = null;
    try {
      return await labApi().datasets.usage({ datasetId });
    } catch (e) {
      deleteError.value = errorMessage(e);
      return undefined;
    }
  }

  /**
   * Deletes an imported dataset (with `deleteRuns`, its runs and studies too); History and Studies reload after,
   * since runs may have gone with it. False when refused or failed (see `deleteError`).
   */
  async function remove(datasetId: string, deleteRuns: boolean): Promise<boolean> {
    deleteError.value = null;
    try {
      const { runsDeleted, studiesDeleted } = await labApi().datasets.delete({ datasetId, deleteRuns });
      list.value = list.value.filter((d) => d.id !== datasetId);
      if (runsDeleted + studiesDeleted > 0) await Promise.all([useRunsStore().load(), useStudiesStore().load()]);
      return true;
    } catch (e) {
      deleteError.value = errorMessage(e);
      return false;
    }
  }

  const byId = (id: string): DatasetInfo | undefined => list.value.find((d) => d.id === id);

  const off = labApi().datasets.onImportProgress(({ fraction, message }) => {
    if (importing.value) progress.value = { fraction, message };
  });
  onScopeDispose(off);

  return { list, importing, progress, importError, deleteError, loading, error, load, importDataset, images, usage, remove, byId };
});
