/**
 * The owner's view of one dispatched run: turns the job's progress messages and its result into the same
 * callbacks a local run makes, and settles the run once. Pure (no Redis), so its guarantees are unit-tested:
 * a new attempt (BullMQ retried the job on another worker) drops the partial epochs of the one before; an
 * epoch is delivered once per attempt; a second delivery of the result changes nothing.
 */
import type { BackendName } from '../../../shared/run-types';
import type { LaunchCallbacks, WorkerInfo } from '../training/run-launcher';
import { failedOutcome, type TrainingOutcome } from '../run-lifecycle';
import { decodeOutcome, progressSchema, resultSchema } from './job-payload';

export interface JobTracker {
  /** A `job.updateProgress` message; malformed ones and those of a superseded attempt are ignored. */
  progress(data: unknown): void;
  /** The job's return value. Settles the run the first time; false when it was already settled. Throws on a malformed result. */
  completed(value: unknown): boolean;
  /** The job failed for good (no attempts left) or was removed; false when the run was already settled. */
  failed(reason: string): boolean;
  /** The job was lost (Redis restarted empty) and added again: the next attempt starts from nothing. */
  lost(): void;
  /** The run was stopped before any worker took it; false when it was already settled. */
  stopped(error: string | null): boolean;
  readonly settled: boolean;
  readonly done: Promise<TrainingOutcome>;
}

export function createJobTracker(callbacks: LaunchCallbacks): JobTracker {
  let resolve!: (outcome: TrainingOutcome) => void;
  const done = new Promise<TrainingOutcome>((r) => (resolve = r));
  let settled = false;
  /** The attempt whose messages count; null before the first start and after the job was lost. */
  let attempt: string | null = null;
  let backend: BackendName | null = null;
  /** Epoch numbers delivered for `attempt` (or since the last restart). */
  const delivered = new Set<number>();
  /** Whether anything of an earlier attempt reached the callbacks, so a new attempt must clear it. */
  let dirty = false;

  const begin = (info: WorkerInfo & { attempt: string; backendReason?: string }): void => {
    if (dirty) callbacks.onRestart();
    delivered.clear();
    dirty = true;
    attempt = info.attempt;
    backend = info.backend;
    callbacks.onWorker({ host: info.host, version: info.version, backend: info.backend });
    callbacks.onStarted(info.backend, info.backendReason === undefined ? undefined : `on ${info.host}: ${info.backendReason}`);
  };
  const finish = (outcome: TrainingOutcome): boolean => {
    if (settled) return false;
    settled = true;
    resolve(outcome);
    return true;
  };

  return {
    get settled() {
      return settled;
    },
    done,
    progress(data) {
      if (settled) return;
      const parsed = progressSchema.safeParse(data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.kind === 'started') {
        if (message.attempt !== attempt) begin(message);
        return;
      }
      if (message.attempt !== attempt) return;
      if (message.kind === 'batch') callbacks.onBatch(message.progress);
      else if (!delivered.has(message.metrics.epoch)) {
        delivered.add(message.metrics.epoch);
        callbacks.onEpoch(message.metrics);
      }
    },
    completed(value) {
      if (settled) return false;
      const result = resultSchema.parse(value);
      if (result.attempt !== attempt) begin(result);
      for (const metrics of result.epochs) {
        if (delivered.has(metrics.epoch)) continue;
        delivered.add(metrics.epoch);
        callbacks.onEpoch(metrics);
      }
      return finish(decodeOutcome(result));
    },
    failed(reason) {
      return finish(failedOutcome(reason, backend));
    },
    lost() {
      attempt = null;
    },
    stopped(error) {
      return finish({ status: 'stopped', backend, evaluation: null, model: null, error });
    },
  };
}
