import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, watch } from 'vue';
import { listAllRuns } from '@shared/list-runs';
import { FINAL_STATUSES, type RunDetail, type RunStatus, type RunSummary } from '@shared/run-types';
import { labApi } from '@renderer/api';
import { deliverExport } from '@renderer/api/files';
import { useRequestState } from '../app/request-state';
import { readStored, writeStored } from '../app/local-storage';

const SELECTED_KEY = 'loss-lab.overlay';
const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x));

/**
 * Every run: the History list, run details (kept current while they train, from the progress events), edits,
 * and the selection History overlays.
 */
export const useRunsStore = defineStore('runs', () => {
  const { loading, error, track } = useRequestState();
  const list = ref<RunSummary[]>([]);
  /** Details fetched so far, by run id. */
  const details = ref<Record<number, RunDetail>>({});
  /** Run ids ticked in History, in the order they were ticked; kept across reloads. */
  const selected = ref<number[]>(readStored(SELECTED_KEY, isIdList) ?? []);
  watch(selected, (ids) => writeStored(SELECTED_KEY, ids));

  function upsert(summary: RunSummary): void {
    const i = list.value.findIndex((r) => r.id === summary.id);
    if (i >= 0) list.value[i] = summary;
    else list.value.unshift(summary);
    const detail = details.value[summary.id];
    if (detail) details.value[summary.id] = { ...detail, ...summary };
  }

  async function load(): Promise<void> {
    const runs = await track(() => listAllRuns((page) => labApi().runs.list(page)));
    if (!runs) return;
    list.value = runs;
    // A remembered overlay: forget runs deleted since, fetch the epochs of the others.
    const ids = new Set(runs.map((r) => r.id));
    if (selected.value.some((id) => !ids.has(id))) selected.value = selected.value.filter((id) => ids.has(id));
    await Promise.all(selected.value.filter((id) => !details.value[id]).map((id) => fetchQuietly(id)));
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

  /** Puts an interrupted, stopped, failed or diverged run back in the queue; it trains again from epoch 1. */
  async function requeue(runId: number): Promise<boolean> {
    const summary = await track(() => labApi().runs.requeue({ runId }));
    if (!summary) return false;
    // The core cleared the run's epochs, evaluation, error and model; mirror that rather than refetch.
    const detail = details.value[runId];
    if (detail) details.value[runId] = { ...detail, ...summary, epochs: [], evaluation: null, error: null, hasModel: false };
    upsert(summary);
    return true;
  }

  /** Fetches a detail without the loading flag (a remembered overlay run); a failure leaves it out of the overlay. */
  async function fetchQuietly(runId: number): Promise<void> {
    try {
      details.value[runId] = await labApi().runs.get({ runId });
    } catch {
      // The overlay shows the runs it could fetch.
    }
  }

  /** Refetches a detail without the loading flag (the view keeps showing the last good one meanwhile). */
  async function refreshQuietly(runId: number): Promise<void> {
    try {
      const detail = await labApi().runs.get({ runId });
      if (details.value[runId]) details.value[runId] = detail;
    } catch {
      // The detail on screen stays; the person can reload the view.
    }
  }

  /** Writes the run's trained model into `dir` (a folder on the machine running the lab). */
  /** Exports the run's model as a zip (a save dialog in the desktop app, a download in the browser); what happened, or null. */
  async function exportModel(runId: number): Promise<string | null> {
    const outcome = await track(() => labApi().runs.exportModel({ runId }));
    return outcome ? deliverExport(outcome) : null;
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

  const selectedDetails = computed(() => selected.value.map((id) => details.value[id]).filter((d): d is RunDetail => d !== undefined));

  const isFinal = (status: RunStatus): boolean => FINAL_STATUSES.includes(status);

  // Keep the list and the fetched details current while runs train anywhere (Experiment, studies, re-queue).
  const offs = [
    labApi().runs.onStatus(({ runId, summary }) => {
      const before = details.value[runId];
      upsert(summary);
      // The evaluation, model and error are written when a run ends: fetch them once it does.
      if (before && !isFinal(before.status) && isFinal(summary.status)) void refreshQuietly(runId);
    }),
    labApi().runs.onEpoch(({ runId, metrics }) => {
      const detail = details.value[runId];
      if (!detail || detail.epochs.some((e) => e.epoch === metrics.epoch)) return;
      details.value[runId] = { ...detail, epochs: [...detail.epochs, metrics] };
    }),
  ];
  onScopeDispose(() => offs.forEach((off) => off()));

  return {
    list,
    details,
    selected,
    selectedDetails,
    loading,
    error,
    load,
    get,
    rename,
    saveNotes,
    remove,
    requeue,
    exportModel,
    toggleSelected,
  };
});
