/** The History table's columns: how each shows and sorts a run. Pure. */
import type { RunSummary } from '@shared/run-types';
import { dateTime, duration, label, percent } from '@renderer/app/format';
import type { SortValue } from '../app/sort';

export type RunColumnKey = 'name' | 'preset' | 'loss' | 'activations' | 'status' | 'backend' | 'accuracy' | 'duration' | 'date';

export interface RunColumn {
  key: RunColumnKey;
  title: string;
  sortValue: (r: RunSummary) => SortValue;
  text: (r: RunSummary) => string;
  /** More on the cell when hovered (its `title`); absent: none. */
  tooltip?: (r: RunSummary) => string | undefined;
}

export const RUN_COLUMNS: readonly RunColumn[] = [
  { key: 'name', title: 'Name', sortValue: (r) => r.name, text: (r) => r.name },
  { key: 'preset', title: 'Preset', sortValue: (r) => r.presetId, text: (r) => r.presetId ?? 'custom' },
  { key: 'loss', title: 'Loss', sortValue: (r) => r.loss, text: (r) => label(r.loss) },
  {
    key: 'activations',
    title: 'Activations',
    sortValue: (r) => `${r.hiddenActivation}/${r.outputActivation}`,
    text: (r) => `${r.hiddenActivation} → ${r.outputActivation}`,
  },
  { key: 'status', title: 'Status', sortValue: (r) => r.status, text: (r) => r.status },
  // A queue worker's host beside the backend: a sweep across machines shows where each run trained.
  {
    key: 'backend',
    title: 'Backend',
    sortValue: (r) => r.backend,
    text: (r) => `${r.backend ?? '—'}${r.workerHost ? ` on ${r.workerHost}` : ''}`,
    // Why that backend (measured, a failed smoke step, forced): one line too long for the column.
    tooltip: (r) => r.backendReason ?? undefined,
  },
  { key: 'accuracy', title: 'Test accuracy', sortValue: (r) => r.finalTestAccuracy, text: (r) => percent(r.finalTestAccuracy) },
  { key: 'duration', title: 'Duration', sortValue: (r) => r.durationSeconds, text: (r) => duration(r.durationSeconds) },
  { key: 'date', title: 'Date', sortValue: (r) => r.createdAt, text: (r) => dateTime(r.createdAt) },
];

/** Whether a run matches a free-text filter over every column's text and the notes. */
export function matchesFilter(run: RunSummary, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [...RUN_COLUMNS.map((c) => c.text(run)), run.notes, run.datasetId].join(' ').toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}
