import type { RunSummary } from '../../../shared/run-types';
import type { RunStore } from '../store';

/** A run's summary without its epochs, evaluation or config: what lists and status events carry. */
export function summarize(store: RunStore, runId: number): RunSummary | undefined {
  const detail = store.getRun(runId);
  if (!detail) return undefined;
  const { config: _config, epochs: _epochs, evaluation: _evaluation, error: _error, hasModel: _hasModel, ...summary } = detail;
  return summary;
}
