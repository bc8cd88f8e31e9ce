/**
 * What travels through the queue, checked with zod on arrival: a job's payload (a run's config and its
 * dataset's identity, never code), a worker's progress messages and its result. Plain JSON only.
 */
import { z } from 'zod';
import { modelConfigSchema } from '../../../shared/model-config';
import { BACKEND_NAMES, type BatchProgress, type EpochMetrics, type Evaluation } from '../../../shared/run-types';
import type { SavedModel } from '../../../shared/saved-model';

/** The queue every Loss Lab owner and worker on one Redis share. */
export const QUEUE_NAME = 'loss-lab-runs';
/** The name each job is added under (BullMQ's job name). */
export const JOB_NAME = 'train';

const backend = z.enum(BACKEND_NAMES);
const record = (what: string) => z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), `${what} must be an object`);
/** Epochs and evaluations are produced by the same training code on both sides; their shape is checked shallowly. */
const epochMetrics = record('an epoch').refine((v) => typeof v['epoch'] === 'number', 'an epoch needs its number') as unknown as z.ZodType<EpochMetrics>;
const evaluation = record('an evaluation').refine((v) => typeof v['testAccuracy'] === 'number', 'an evaluation needs testAccuracy') as unknown as z.ZodType<Evaluation>;
const batchProgress = record('batch progress').refine((v) => typeof v['batch'] === 'number', 'batch progress needs its batch') as unknown as z.ZodType<BatchProgress>;

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
const attemptFields = { attempt: z.string().min(1), host: z.string(), version: z.string() };

export const progressSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), ...attemptFields, backend, /** Why the worker chose it (absent from older workers). */ backendReason: z.string().optional() }),
  z.object({ kind: z.literal('batch'), attempt: z.string(), progress: batchProgress }),
  z.object({ kind: z.literal('epoch'), attempt: z.string(), metrics: epochMetrics }),
]);
export type JobProgress = z.infer<typeof progressSchema>;

export const resultSchema = z.object({
  ...attemptFields,
  status: z.enum(['completed', 'stopped', 'diverged']),
  backend,
  /** Every epoch of this attempt, in order (the owner may have missed progress events). */
  epochs: z.array(epochMetrics),
  evaluation: evaluation.nullable(),
  error: z.string().nullable(),
  /** Trained weights: tfjs topology and weight specs, the weight bytes in base64. */
  model: z.object({ modelTopology: z.unknown(), weightSpecs: z.array(z.unknown()), weightData: z.string() }).nullable(),
});
export type JobResult = z.infer<typeof resultSchema>;

/** The trained model of a result, its weights back from base64. */
export const decodeModel = (result: JobResult): SavedModel | null =>
  result.model && { modelTopology: result.model.modelTopology, weightSpecs: result.model.weightSpecs, weightData: new Uint8Array(Buffer.from(result.model.weightData, 'base64')) };
