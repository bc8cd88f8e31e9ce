import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import type { Request } from '@shared/contract';
import { FINAL_STATUSES, type BatchProgress, type EpochMetrics, type RunSummary } from '@shared/run-types';
import { labApi } from '@renderer/api';
import { useRequestState } from './request-state';

/** The run started from the Experiment page, followed live through the progress events. */
export const useTrainingStore = defineStore('training', () => {
  const { loading, error, track } = useRequestState();
  const run = ref<RunSummary | null>(null);
  /** Finished epochs of the live run, in order. */
  const epochs = ref<EpochMetrics[]>([]);
  const batch = ref<BatchProgress | null>(null);

  const active = computed(() => run.value !== null && !FINAL_STATUSES.includes(run.value.status));
  const finished = computed(() => run.value !== null && FINAL_STATUSES.includes(run.value.status));

  /** 0..1 over all planned batches of the run. */
  const fraction = computed(() => {
    const r = run.value;
    if (!r) return 0;
    if (r.status === 'completed') return 1;
    const b = batch.value;
    if (!b || b.batchesPerEpoch <= 0) return r.epochsPlanned > 0 ? epochs.value.length / r.epochsPlanned : 0;
    const done = (b.epoch - 1) * b.batchesPerEpoch + b.batch;
    return Math.min(1, done / (r.epochsPlanned * b.batchesPerEpoch));
  });

  async function start(request: Request<'runs:start'>): Promise<RunSummary | undefined> {
    const summary = await track(() => labApi().runs.start(request));
    if (summary) {
      run.value = summary;
      epochs.value = [];
      batch.value = null;
    }
    return summary;
  }

  async function stop(): Promise<void> {
    const r = run.value;
    if (!r) return;
    const summary = await track(() => labApi().runs.stop({ runId: r.id }));
    if (summary && run.value?.id === summary.id) run.value = summary;
  }

  const isLive = (runId: number): boolean => run.value?.id === runId;
  const offs = [
    labApi().runs.onBatch((p) => {
      if (isLive(p.runId)) batch.value = p;
    }),
    labApi().runs.onEpoch(({ runId, metrics }) => {
      if (isLive(runId) && !epochs.value.some((e) => e.epoch === metrics.epoch)) epochs.value = [...epochs.value, metrics];
    }),
    labApi().runs.onStatus(({ runId, summary }) => {
      if (isLive(runId)) run.value = summary;
    }),
  ];
  onScopeDispose(() => offs.forEach((off) => off()));

  return { run, epochs, batch, active, finished, fraction, loading, error, start, stop };
});
