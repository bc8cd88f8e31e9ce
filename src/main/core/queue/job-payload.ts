/**
 * What travels through the queue, checked with zod on arrival: a job's payload (a run's config and its
 * dataset's identity, never code), a worker's progress messages and its result. Plain JSON only. Progress and
 * result are the run's lifecycle (run-lifecycle.ts) on the wire: the same events and outcome, each tagged with
 * the attempt that sent it, the weights in base64. The schemas are checked against those types, so the wire
 * cannot drift from them; its format is unchanged, so jobs stored by an earlier version still read.
 */
import { z } from 'zod';
import { modelConfigSchema } from '../../../shared/model-config';
import { BACKEND_NAMES, type BackendName, type BatchProgress, type EpochMetrics, type Evaluation } from '../../../shared/run-types';
import type { SavedModel } from '../../../shared/saved-model';
import type { OutcomeStatus, ProgressEvent, TrainingOutcome } from '../run-lifecycle';

/** The queue every Loss Lab owner and worker on one Redis share. */
export const QUEUE_NAME = 'loss-lab-runs';
/** The name each job is added under (BullMQ's job name). */
export const JOB_NAME = 'train';

const backend = z.enum(BACKEND_NAMES);
const record = (what: string) =>
  z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), `${what} must be an object`);
/** Epochs and evaluations are produced by the same training code on both sides; their shape is checked shallowly. */
const epochMetrics = record('an epoch').refine((v) => typeof v['epoch'] === 'number', 'an epoch needs its number') as unknown as z.ZodType<EpochMetrics>;
const evaluation = record('an evaluation').refine(
  (v) => typeof v['testAccuracy'] === 'number',
  'an evaluation needs testAccuracy',
) as unknown as z.ZodType<Evaluation>;
const batchProgress = record('batch progress').refine(
  (v) => typeof v['batch'] === 'number',
  'batch progress needs its batch',
) as unknown as z.ZodType<BatchProgress>;

export const jobPayloadSchema = z.object({
  /** The owning lab (see lab-id.ts) and its run: together the job id, so a re-dispatch cannot duplicate. */
  labId: z.string().min(1),
  runId: z.number().int().positive(),
  config: modelConfigSchema,
  dataset: z.object({
    id: z.string().min(1),
    name: z.string(),
    /** Hex SHA-256 of the images and labels (same-content.ts): how a worker finds or verifies its copy. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    trainSize: z.number().int().nonnegative(),
    testSize: z.number().int().nonnegative(),
    /** Built-in sets are prepared by the worker itself; others are fetched from Redis when the worker lacks them. */
    builtIn: z.boolean(),
  }),
  /** The owner's Loss Lab version, so a worker can say when it differs. */
  labVersion: z.string(),
  preferredBackend: backend.nullable(),
});
export type JobPayload = z.infer<typeof jobPayloadSchema>;

/** `<labId>_<runId>` (BullMQ refuses a `:` in ids): BullMQ ignores an add whose id exists, so dispatching a run twice trains it once. */
export const jobIdOf = (labId: string, runId: number): string => `${labId}_${runId}`;

/** Who trains an attempt: each start of a job on a worker has its own `attempt` token. */
export interface AttemptInfo {
  attempt: string;
  host: string;
  /** The worker's Loss Lab version. */
  version: string;
}

/** A progress event of one attempt; its start also says who trains it. */
export type JobProgress =
  (Extract<ProgressEvent, { kind: 'started' }> & AttemptInfo) | (Exclude<ProgressEvent, { kind: 'started' }> & Pick<AttemptInfo, 'attempt'>);

/** A SavedModel as JSON: the weight bytes in base64. */
export type WireModel = Omit<SavedModel, 'weightData'> & { weightData: string };

/**
 * A job's return value: the attempt's outcome as JSON, with every epoch of the attempt (the owner may have
 * missed progress events). Never `failed`: a failed training throws instead, so BullMQ retries it; so a backend
 * was always ready.
 */
export type JobResult = AttemptInfo &
  Omit<TrainingOutcome, 'status' | 'backend' | 'model'> & {
    status: Exclude<OutcomeStatus, 'failed'>;
    backend: BackendName;
    epochs: EpochMetrics[];
    model: WireModel | null;
  };

const attemptFields = { attempt: z.string().min(1), host: z.string(), version: z.string() };

export const progressSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('started'),
    ...attemptFields,
    backend,
    /** Why the worker chose it (absent from older workers). */ backendReason: z.string().optional(),
  }),
  z.object({ kind: z.literal('batch'), attempt: z.string(), progress: batchProgress }),
  z.object({ kind: z.literal('epoch'), attempt: z.string(), metrics: epochMetrics }),
]) satisfies z.ZodType<JobProgress>;

export const resultSchema = z.object({
  ...attemptFields,
  status: z.enum(['completed', 'stopped', 'diverged']),
  backend,
  epochs: z.array(epochMetrics),
  evaluation: evaluation.nullable(),
  error: z.string().nullable(),
  model: z.object({ modelTopology: z.unknown(), weightSpecs: z.array(z.unknown()), weightData: z.string() }).nullable(),
}) satisfies z.ZodType<JobResult>;

/** A finished attempt as its job's return value. */
export function encodeResult(outcome: TrainingOutcome & Pick<JobResult, 'status' | 'backend'>, attempt: AttemptInfo, epochs: EpochMetrics[]): JobResult {
  const model = outcome.model && {
    modelTopology: outcome.model.modelTopology,
    weightSpecs: outcome.model.weightSpecs,
    weightData: Buffer.from(outcome.model.weightData).toString('base64'),
  };
  return { ...attempt, status: outcome.status, backend: outcome.backend, epochs, evaluation: outcome.evaluation, error: outcome.error, model };
}

/** The outcome a job's return value stands for, its weights back from base64. */
export function decodeOutcome(result: JobResult): TrainingOutcome {
  const model = result.model && {
    modelTopology: result.model.modelTopology,
    weightSpecs: result.model.weightSpecs,
    weightData: new Uint8Array(Buffer.from(result.model.weightData, 'base64')),
  };
  return { status: result.status, backend: result.backend, evaluation: result.evaluation, model, error: result.error };
}
