import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import type { ExportResult } from '@shared/contract';
import type { RunDetail, RunSummary } from '@shared/run-types';
import { labApi } from '@renderer/api';
import { useRequestState } from './request-state';

/** Every run: the History list, one run's detail, edits, and the selection History overlays. */
export const useRunsStore = defineStore('runs', () => {
  const { loading, error, track } = useRequestState();
  const list = ref<RunSummary[]>([]);
  /** Details fetched so far, by run id. */
  const details = ref<Record<number, RunDetail>>({});
  /** Run ids ticked in History, in the order they were ticked. */
  const selected = ref<number[]>([]);

  function upsert(summary: RunSummary): void {
    const i = list.value.findIndex((r) => r.id === summary.id);
    if (i >= 0) list.value[i] = summary;
    else list.value.unshift(summary);
    const detail = details.value[summary.id];
    if (detail) details.value[summary.id] = { ...detail, ...summary };
  }

  async function load(): Promise<void> {
    const runs = await track(() => labApi().runs.list());
    if (runs) list.value = runs;
  }

  async function get(runId: number): Promise<RunDetail | undefined> {
    const detail = await track(() => labApi().runs.get({ runId }));
    if (detail) details.value[runId] = detail;
    return detail;
  }

  async function rename(runId: number, name: string): Promise<boolean> {
    const summary = await track(() => labApi().runs.update({ runId, name }));
    if (summary) upsert(summary);
    return summary !== undefined;
  }

  async function saveNotes(runId: number, notes: string): Promise<boolean> {
    const summary = await track(() => labApi().runs.update({ runId, notes }));
    if (summary) upsert(summary);
    return summary !== undefined;
  }

  async function remove(runId: number): Promise<boolean> {
    const result = await track(() => labApi().runs.delete({ runId }));
    if (!result) return false;
    list.value = list.value.filter((r) => r.id !== runId);
    selected.value = selected.value.filter((id) => id !== runId);
    delete details.value[runId];
    return true;
  }

  /** Writes the run's trained model into `dir` (a folder on the machine running the lab). */
  async function exportModel(runId: number, dir: string): Promise<ExportResult | undefined> {
    return track(() => labApi().runs.exportModel({ runId, dir }));
  }

  /** Ticks or unticks a run for the overlay, fetching its epochs when first ticked. */
  async function toggleSelected(runId: number): Promise<void> {
    if (selected.value.includes(runId)) {
      selected.value = selected.value.filter((id) => id !== runId);
      return;
    }
    selected.value = [...selected.value, runId];
    if (!details.value[runId]) await get(runId);
  }

  const selectedDetails = computed(() =>
    selected.value.map((id) => details.value[id]).filter((d): d is RunDetail => d !== undefined),
  );

  // Keep the list current while runs train anywhere (Experiment, studies).
  const offStatus = labApi().runs.onStatus(({ summary }) => upsert(summary));
  onScopeDispose(offStatus);

  return { list, details, selected, selectedDetails, loading, error, load, get, rename, saveNotes, remove, exportModel, toggleSelected };
});
