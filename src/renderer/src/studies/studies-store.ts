import { defineStore } from 'pinia';
import { onScopeDispose, ref } from 'vue';
import type { Request, Response } from '@shared/contract';
import type { Comparison, StudyDetail, StudySummary } from '@shared/study-types';
import { labApi } from '@renderer/api';
import { deliverExport } from '@renderer/api/files';
import { useRequestState } from '../app/request-state';

/** Said once after a study is created: which factor combinations were left out because they cannot train. */
export interface SkippedNotice {
  studyId: number;
  message: string;
}

/** Studies: the list with live progress, one study's detail, comparisons, exports and deletion. */
export const useStudiesStore = defineStore('studies', () => {
  const { loading, error, track } = useRequestState();
  const list = ref<StudySummary[]>([]);
  const detail = ref<StudyDetail | null>(null);
  const comparison = ref<Comparison | null>(null);
  /** What the last export did ("Downloaded study-1-report.zip"), null before one or after a cancelled dialog. */
  const exported = ref<string | null>(null);
  const skipped = ref<SkippedNotice | null>(null);

  function upsert(summary: StudySummary): void {
    const i = list.value.findIndex((s) => s.id === summary.id);
    if (i >= 0) list.value[i] = summary;
    else list.value.unshift(summary);
  }

  async function load(): Promise<void> {
    const studies = await track(() => labApi().studies.list());
    if (studies) list.value = studies;
  }

  async function create(request: Request<'studies:create'>): Promise<Response<'studies:create'> | undefined> {
    skipped.value = null;
    const created = await track(() => labApi().studies.create(request));
    if (!created) return undefined;
    const { skippedMessage, ...summary } = created;
    upsert(summary);
    if (skippedMessage) skipped.value = { studyId: created.id, message: skippedMessage };
    return created;
  }

  function dismissSkipped(): void {
    skipped.value = null;
  }

  /** Deletes a study and its runs; the core refuses while any of them trains (cancel the study first). */
  async function remove(studyId: number): Promise<boolean> {
    const result = await track(() => labApi().studies.delete({ studyId }));
    if (!result) return false;
    list.value = list.value.filter((s) => s.id !== studyId);
    if (detail.value?.id === studyId) detail.value = null;
    if (skipped.value?.studyId === studyId) skipped.value = null;
    return true;
  }

  async function startBuiltin(request: Request<'studies:startBuiltin'>): Promise<StudySummary | undefined> {
    const summary = await track(() => labApi().studies.startBuiltin(request));
    if (summary) upsert(summary);
    return summary;
  }

  async function open(studyId: number): Promise<void> {
    if (detail.value?.id !== studyId) {
      detail.value = null;
      comparison.value = null;
      exported.value = null;
    }
    const result = await track(() => labApi().studies.get({ studyId }));
    if (result) detail.value = result;
  }

  async function control(action: 'pause' | 'resume' | 'cancel', studyId: number): Promise<void> {
    const summary = await track(() => labApi().studies[action]({ studyId }));
    if (!summary) return;
    upsert(summary);
    if (detail.value?.id === studyId) detail.value = { ...detail.value, ...summary };
  }

  async function compare(studyId: number, a: string, b: string, metric: Comparison['metric']): Promise<void> {
    comparison.value = null;
    const result = await track(() => labApi().studies.compare({ studyId, a, b, metric }));
    if (result) comparison.value = result;
  }

  async function exportReport(studyId: number): Promise<void> {
    exported.value = null;
    const outcome = await track(() => labApi().studies.export({ studyId }));
    if (outcome) exported.value = deliverExport(outcome);
  }

  /** Refetches the open study quietly (no loading flag) when a run of it finishes, so aggregates stay current. */
  async function refreshQuietly(studyId: number): Promise<void> {
    try {
      const result = await labApi().studies.get({ studyId });
      if (detail.value?.id === studyId) detail.value = result;
    } catch {
      // The next progress event retries; the last good detail stays on screen meanwhile.
    }
  }

  const off = labApi().studies.onProgress((summary) => {
    upsert(summary);
    const open = detail.value;
    if (open?.id !== summary.id) return;
    const finishedMore = summary.runsCompleted + summary.runsOther !== open.runsCompleted + open.runsOther;
    detail.value = { ...open, ...summary };
    if (finishedMore) void refreshQuietly(summary.id);
  });
  onScopeDispose(off);

  return {
    list,
    detail,
    comparison,
    exported,
    skipped,
    loading,
    error,
    load,
    create,
    dismissSkipped,
    remove,
    startBuiltin,
    open,
    control,
    compare,
    exportReport,
  };
});
