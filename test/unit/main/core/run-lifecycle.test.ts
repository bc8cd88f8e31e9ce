import { describe, expect, expectTypeOf, it } from 'vitest';
import { failedOutcome, type TrainingOutcome } from '@core/run-lifecycle';
import type { RunOutcome } from '@core/store';
import type { WorkerMessage } from '@core/training/thread/worker-protocol';
import type { JobProgress } from '@core/queue/job-payload';

describe("a run's lifecycle", () => {
  it('fails with nothing to keep, on the backend that was ready if any', () => {
    expect(failedOutcome('no memory')).toEqual({ status: 'failed', backend: null, evaluation: null, model: null, error: 'no memory' });
    expect(failedOutcome('crashed', 'wasm').backend).toBe('wasm');
  });

  it('is one vocabulary: the worker and the queue send the same kinds, the store records the same outcome', () => {
    expectTypeOf<WorkerMessage['kind']>().toEqualTypeOf<'started' | 'batch' | 'epoch' | 'done'>();
    expectTypeOf<JobProgress['kind']>().toEqualTypeOf<Exclude<WorkerMessage['kind'], 'done'>>();
    // Until the store derives its RunOutcome from TrainingOutcome, a training's outcome must stay recordable as is.
    expectTypeOf<TrainingOutcome>().toExtend<RunOutcome>();
  });
});
