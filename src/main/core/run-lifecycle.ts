/**
 * A run's lifecycle as training reports it, in one vocabulary for every hop:
 *
 *   started (its backend is ready) → batch, epoch (any number) → done (its outcome)
 *
 * The training worker's messages (training/thread/worker-protocol.ts) are these events, and a queue job's
 * progress (queue/job-payload.ts) is the same events with the attempt that sent them; both are discriminated by
 * `kind`, the field queue jobs already carried, so jobs in Redis read the same before and after. The contract's
 * events tell clients with the same words (`runs:batch`, `runs:epoch`); `started` and `done` reach them as
 * `runs:status`. Plain data only: events cross worker threads (structured clone) and, encoded, Redis.
 *
 * At the core's root because the store records the outcome and training produces it (store sits below training).
 */
import type { BackendName, BatchProgress, EpochMetrics, Evaluation } from '../../shared/run-types';
import type { SavedModel } from '../../shared/saved-model';

/** How a training can end; the run store also records `interrupted` (the lab closed while it trained). */
export type OutcomeStatus = 'completed' | 'stopped' | 'diverged' | 'failed';

/** How one training ended: the one outcome type, produced by the training loop and settled by every launcher. */
export interface TrainingOutcome {
  status: OutcomeStatus;
  /** null when the run failed before a backend was ready. */
  backend: BackendName | null;
  /** On the test split; null when diverged or failed. */
  evaluation: Evaluation | null;
  /** Trained weights (also after a stop); null when diverged or failed. */
  model: SavedModel | null;
  /** Why a diverged or failed run ended; null otherwise. */
  error: string | null;
}

/** What a training reports while it runs, in order: one `started`, then batches (throttled) and epochs. */
export type ProgressEvent =
  | { kind: 'started'; backend: BackendName; /** Why this backend trains the run (the selection's measured or forced reason). */ backendReason?: string }
  | { kind: 'batch'; progress: BatchProgress }
  | { kind: 'epoch'; metrics: EpochMetrics };

/** Every event of a run's lifecycle: its progress, then once `done` with the outcome. */
export type LifecycleEvent = ProgressEvent | { kind: 'done'; outcome: TrainingOutcome };

/** A failed outcome: no backend ready (or the one given), no evaluation, no model. */
export function failedOutcome(error: string, backend: BackendName | null = null): TrainingOutcome {
  return { status: 'failed', backend, evaluation: null, model: null, error };
}
