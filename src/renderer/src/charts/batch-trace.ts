/** Batch-level training loss of a live run as points on the epoch axis. Pure. */
import type { BatchProgress } from '@shared/run-types';
import type { CurvePoint } from './curve-view';

/** Most points a live trace keeps; past it every other point is dropped, so long runs stay cheap to draw. */
export const MAX_TRACE_POINTS = 2000;

/** Where a batch sits on the epoch axis: the end of batch b of epoch e is e − 1 + b / batchesPerEpoch. */
export function batchX(p: BatchProgress): number {
  return p.batchesPerEpoch > 0 ? p.epoch - 1 + p.batch / p.batchesPerEpoch : p.epoch;
}

/**
 * The trace with `p` appended (in place, for speed): ignores a point that is not past the last one (a
 * repeated or late event) and halves the trace once it exceeds `max` points, keeping its first and last.
 */
export function appendBatch(trace: CurvePoint[], p: BatchProgress, max = MAX_TRACE_POINTS): CurvePoint[] {
  const x = batchX(p);
  const last = trace[trace.length - 1];
  if (last && x <= last[0]) return trace;
  trace.push([x, Number.isFinite(p.loss) ? p.loss : null]);
  if (trace.length > max) {
    const kept = trace.filter((_, i) => i % 2 === 0 || i === trace.length - 1);
    trace.splice(0, trace.length, ...kept);
  }
  return trace;
}
