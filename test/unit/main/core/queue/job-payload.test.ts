import { describe, expect, it } from 'vitest';
import { decodeOutcome, encodeResult, progressSchema, resultSchema } from '@core/queue/job-payload';
import type { TrainingOutcome } from '@core/run-lifecycle';
import { epoch } from '@support/epochs';
import { evaluation } from '@support/store';

const who = { attempt: 'a1', host: 'lab-b', version: '0.1.0' };

describe('a run outcome on the queue', () => {
  it('travels as JSON and comes back as the same outcome, weights byte for byte', () => {
    const outcome: TrainingOutcome = {
      status: 'stopped',
      backend: 'wasm',
      evaluation: evaluation(0.87),
      model: {
        modelTopology: { class_name: 'Sequential' },
        weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }],
        weightData: Uint8Array.of(0, 1, 254, 255),
      },
      error: null,
    };
    const wire = JSON.parse(JSON.stringify(encodeResult({ ...outcome, status: 'stopped', backend: 'wasm' }, who, [epoch(1)])));
    expect(wire).toMatchObject({ ...who, status: 'stopped', backend: 'wasm', epochs: [epoch(1)], model: { weightData: 'AAH+/w==' } });
    expect(decodeOutcome(resultSchema.parse(wire))).toEqual(outcome);
  });

  it('reads the result and progress format earlier versions stored (jobs in Redis live a week)', () => {
    const stored = { ...who, status: 'diverged', backend: 'cpu', epochs: [], evaluation: null, error: 'loss became NaN', model: null };
    expect(decodeOutcome(resultSchema.parse(stored))).toEqual({ status: 'diverged', backend: 'cpu', evaluation: null, model: null, error: 'loss became NaN' });
    expect(progressSchema.parse({ kind: 'started', ...who, backend: 'cpu' })).toEqual({ kind: 'started', ...who, backend: 'cpu' });
    expect(progressSchema.safeParse({ type: 'epoch', attempt: 'a1', metrics: epoch(1) }).success).toBe(false);
  });

  it('never carries a failed training: that one is thrown so the queue retries it', () => {
    expect(resultSchema.safeParse({ ...who, status: 'failed', backend: 'cpu', epochs: [], evaluation: null, error: 'x', model: null }).success).toBe(false);
  });
});
