import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { Request } from '@shared/contract';
import { FINAL_STATUSES, type BatchProgress, type EpochMetrics, type RunDetail, type RunSummary } from '@shared/run-types';
import { labApi } from '@renderer/api';
import { appendBatch } from '@renderer/charts/batch-trace';
import type { CurvePoint } from '@renderer/charts/curve-view';
import { useRequestState } from '../app/request-state';

/** Least time between two redraws of the live batch-level curve, in ms. */
export const TRACE_REDRAW_MS = 250;

/** The run started from the Experiment page, followed live through the progress events. */
export const useTrainingStore = defineStore('training', () => {
  const { loading, error, track } = useRequestState();
  const run = ref<RunSummary | null>(null);
  /** Finished epochs of the live run, in order. */
  const epochs = ref<EpochMetrics[]>([]);
  const batch = ref<BatchProgress | null>(null);
  /** Batch-level training loss so far ([x in epochs, loss]); republished at most every TRACE_REDRAW_MS. */
  const batches = shallowRef<CurvePoint[]>([]);
  /** The ended run with its test evaluation, fetched once it ends (the result shown in the Experiment view). */
  const result = ref<RunDetail | null>(null);
  let trace: CurvePoint[] = [];
  let lastDraw = 0;

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

  function publishTrace(now: number): void {
    lastDraw = now;
    batches.value = [...trace];
  }

  async function start(request: Request<'runs:start'>): Promise<RunSummary | undefined> {
    const summary = await track(() => labApi().runs.start(request));
    if (summary) {
      run.value = summary;
      epochs.value = [];
      batch.value = null;
      result.value = null;
      trace = [];
      publishTrace(0);
    }
    return summary;
  }

  async function stop(): Promise<void> {
    const r = run.value;
    if (!r) return;
    const summary = await track(() => labApi().runs.stop({ runId: r.id }));
    if (summary && run.value?.id === summary.id) run.value = summary;
  }

  async function fetchResult(runId: number): Promise<void> {
    const detail = await track(() => labApi().runs.get({ runId }));
    if (detail && run.value?.id === runId) result.value = detail;
  }

  const isLive = (runId: number): boolean => run.value?.id === runId;
  const offs = [
    labApi().runs.onBatch((p) => {
      if (!isLive(p.runId)) return;
      batch.value = p;
      appendBatch(trace, p);
      const now = Date.now();
      if (now - lastDraw >= TRACE_REDRAW_MS) publishTrace(now);
    }),
    labApi().runs.onEpoch(({ runId, metrics }) => {
      if (isLive(runId) && !epochs.value.some((e) => e.epoch === metrics.epoch)) {
        epochs.value = [...epochs.value, metrics];
        publishTrace(Date.now());
      }
    }),
    labApi().runs.onStatus(({ runId, summary }) => {
      if (!isLive(runId)) return;
      const wasFinal = finished.value;
      run.value = summary;
      if (!wasFinal && FINAL_STATUSES.includes(summary.status)) {
        publishTrace(Date.now());
        void fetchResult(runId);
      }
    }),
  ];
  onScopeDispose(() => offs.forEach((off) => off()));

  return { run, epochs, batch, batches, result, active, finished, fraction, loading, error, start, stop };
});
