/**
 * The one contract between the renderer and the core: every invoke channel with its request schema and
 * response type, and every event with its payload. Main's IPC hub, the preload, browser mode's bridge and the
 * renderer are all typed from here; `LabApi` (the renderer's `window.api`) is derived, never written by hand.
 */
import { z } from 'zod';
import { modelConfigSchema } from './model-config';
import type { Preset } from './presets';
import type { DatasetImages, DatasetInfo, DatasetUsage } from './dataset-types';
import type { BackendName, BatchProgress, EpochMetrics, Prediction, RunDetail, RunStatus, RunSummary } from './run-types';
import type { RunTargetState } from './run-target';
import type { Comparison, StudyDetail, StudySummary } from './study-types';

const runId = z.object({ runId: z.number().int().positive() });
const studyId = z.object({ studyId: z.number().int().positive() });
const none = z.undefined();

/** Most runs one `runs:list` answers with; a client pages with `offset` for more. */
export const RUNS_PAGE_MAX = 1000;
/** Most runs one study may hold (configurations × seeds), so creating or reading one stays quick. */
export const MAX_STUDY_RUNS = 500;

/** Request schemas; the renderer is untrusted, so the core parses every request with these. */
export const requestSchemas = {
  'lab:info': none,
  /** Where runs started now train; the queue URL comes back redacted. */
  'runTarget:get': none,
  /**
   * Switches where runs started from now on train. A queue URL must carry a password (or be the saved one shown
   * redacted); it is connected before the change is saved, and an unreachable one is refused, naming it redacted.
   */
  'runTarget:set': z.object({ target: z.enum(['local', 'queue']), url: z.string().trim().max(2000).nullable().default(null) }).strict(),
  'presets:list': none,
  'datasets:list': none,
  /**
   * Never a path: the desktop app asks the person with its own dialog; browser mode imports the four files
   * the page uploaded (`uploadId`, from `POST /uploads`).
   */
  'datasets:import': z
    .object({
      name: z.string().trim().min(1).max(80).optional(),
      uploadId: z
        .string()
        .regex(/^[0-9a-f]{32}$/, 'an upload id is the 32 hex digits POST /uploads answered')
        .optional(),
    })
    .strict(),
  'datasets:images': z.object({
    datasetId: z.string().min(1),
    split: z.enum(['train', 'test']),
    indices: z.array(z.number().int().min(0)).max(1000, 'at most 1000 images a request'),
  }),
  /** How many runs and studies use a dataset, so a person is told before deleting it. */
  'datasets:usage': z.object({ datasetId: z.string().min(1).max(200) }).strict(),
  /**
   * Deletes an imported dataset and its cache file. Refused for the built-in sets, while a run of it is queued
   * or training, and while runs or studies use it unless `deleteRuns` (then they go too, in one transaction).
   */
  'datasets:delete': z.object({ datasetId: z.string().min(1).max(200), deleteRuns: z.boolean().default(false) }).strict(),
  'runs:start': z.object({
    config: modelConfigSchema,
    datasetId: z.string().min(1),
    name: z.string().trim().max(120).optional(),
    /** The preset the config started from; the run keeps it only while it still is that preset (preset-match.ts). */
    presetId: z.string().optional(),
  }),
  'runs:stop': runId,
  'runs:requeue': runId,
  /** Newest first; without a request, the newest RUNS_PAGE_MAX. */
  'runs:list': z
    .object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(RUNS_PAGE_MAX, `at most ${RUNS_PAGE_MAX} runs a page`).default(RUNS_PAGE_MAX),
    })
    .optional(),
  'runs:get': runId,
  'runs:update': runId.extend({
    name: z.string().trim().min(1, 'a name cannot be empty').max(120).optional(),
    notes: z.string().max(10_000).optional(),
  }),
  'runs:delete': runId,
  'runs:predict': runId.extend({
    /** 784 intensities 0..1, row-major 28×28, light ink on dark. */
    pixels: z.array(z.number().min(0).max(1)).length(784, 'a sketch is 784 pixels (28×28)'),
  }),
  /** A zip of `model.json` + `weights.bin`: saved where the person chooses (desktop) or downloaded (browser). */
  'runs:exportModel': runId.strict(),
  'studies:list': none,
  'studies:get': studyId,
  'studies:create': z.object({
    name: z.string().trim().min(1).max(120),
    datasetId: z.string().min(1),
    base: modelConfigSchema,
    /** Fields that vary and their levels; the study runs their cartesian product. */
    factors: z
      .array(
        z.object({
          field: z.enum([
            'loss',
            'outputActivation',
            'hiddenActivation',
            'targetEncoding',
            'optimizer',
            'outputRescale',
            'learningRate',
            'batchSize',
            'trainSize',
          ]),
          levels: z
            .array(z.union([z.string(), z.number()]))
            .min(1)
            .max(8),
        }),
      )
      .max(4),
    seeds: z.number().int().min(1).max(20),
  }),
  'studies:startBuiltin': z.object({
    builtinId: z.literal('seed-article'),
    /** The article's data (60,000 / 10,000) unless another dataset is chosen. */
    datasetId: z.string().min(1).default('mnist'),
    seeds: z.number().int().min(1).max(20).default(5),
    epochs: z.number().int().min(1).max(50).default(10),
    /**
     * Training-set sizes (a seeded, class-stratified subset of the training split; the test split unchanged):
     * every preset runs at each size, and each claim is judged per size. Absent: the whole training split.
     */
    sizes: z
      .array(z.number().int().min(100, 'a training set needs at least 100 samples').max(10_000_000))
      .min(1)
      .max(6, 'at most 6 training-set sizes')
      .refine((s) => new Set(s).size === s.length, 'each training-set size once')
      .optional(),
  }),
  'studies:pause': studyId,
  'studies:resume': studyId,
  'studies:cancel': studyId,
  'studies:delete': studyId,
  'studies:compare': studyId.extend({ a: z.string(), b: z.string(), metric: z.enum(['testAccuracy', 'testLoss']).default('testAccuracy') }),
  /** A zip of the report (HTML, Markdown, CSV, charts): saved where the person chooses, or downloaded. */
  'studies:export': studyId.strict(),
} as const;

export interface LabInfo {
  version: string;
  backend: BackendName;
  /** One line on how to get the native backend when it is not the one running; null when it is. */
  backendHint: string | null;
  /** Why this lab's own backend (predictions; each run records its own choice): measured, a failed smoke step, or forced. */
  backendReason: string;
  dataDir: string;
  /** Runs trained at once. */
  workers: number;
  /** Which host runs the core: the desktop app, browser mode or the command line. */
  host: 'electron' | 'browser' | 'cli';
}

/** Files an export wrote (the command line's exports into a folder). */
export interface ExportResult {
  /** Absolute paths. */
  files: string[];
}

/**
 * How an export from the app ended: saved where the person chose in the desktop app's dialog, a zip for the
 * browser to download (browser mode), or cancelled in the dialog.
 */
export type ExportOutcome =
  { kind: 'saved'; path: string } | { kind: 'download'; fileName: string; /** The zip, base64. */ base64: string } | { kind: 'cancelled' };

/** Response type of every invoke channel. */
export interface Responses {
  'lab:info': LabInfo;
  'runTarget:get': RunTargetState;
  'runTarget:set': RunTargetState;
  'presets:list': Preset[];
  'datasets:list': DatasetInfo[];
  /** null when the person cancelled the dialog. */
  'datasets:import': DatasetInfo | null;
  'datasets:images': DatasetImages;
  'datasets:usage': DatasetUsage;
  'datasets:delete': { deleted: DatasetInfo['id']; runsDeleted: number; studiesDeleted: number };
  'runs:start': RunSummary;
  'runs:stop': RunSummary;
  'runs:requeue': RunSummary;
  'runs:list': RunSummary[];
  'runs:get': RunDetail;
  'runs:update': RunSummary;
  'runs:delete': { deleted: number };
  'runs:predict': Prediction;
  'runs:exportModel': ExportOutcome;
  'studies:list': StudySummary[];
  'studies:get': StudyDetail;
  /** `skippedMessage` says which factor combinations cannot train and were left out; null when none was. */
  'studies:create': StudySummary & { skippedMessage: string | null };
  'studies:startBuiltin': StudySummary;
  'studies:pause': StudySummary;
  'studies:resume': StudySummary;
  'studies:cancel': StudySummary;
  'studies:delete': { deleted: number };
  'studies:compare': Comparison;
  'studies:export': ExportOutcome;
}

/** Payload of every event the core pushes. */
export interface Events {
  'runs:batch': BatchProgress;
  'runs:epoch': { runId: number; metrics: EpochMetrics };
  'runs:status': { runId: number; status: RunStatus; summary: RunSummary };
  'studies:progress': StudySummary;
  'datasets:importProgress': { path: string; fraction: number; message: string };
}

export type Channel = keyof typeof requestSchemas;
export type EventName = keyof Events;
/** What a caller sends (defaults not yet applied). */
export type Request<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
/** What a handler receives (validated, defaults applied). */
export type ParsedRequest<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
export type Response<C extends Channel> = Responses[C];

export const CHANNELS = Object.keys(requestSchemas) as Channel[];
export const EVENT_NAMES: readonly EventName[] = ['runs:batch', 'runs:epoch', 'runs:status', 'studies:progress', 'datasets:importProgress'];

export const ERROR_CODES = ['invalid_request', 'not_found', 'dataset_error', 'conflict', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure a person can act on: `message` says what went wrong and what to do. */
export interface LabErrorData {
  code: ErrorCode;
  message: string;
}

/** What crosses the boundary for one invoke: never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: LabErrorData };

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type EventVerb<V extends string> = `on${Capitalize<V>}`;

/** A verb's resolved value: the response itself, or (for the preload's verbs) the Result around it. */
type Settled<T, Raw extends boolean> = Raw extends true ? Result<T> : T;

type ApiShape<Raw extends boolean> = {
  [D in DomainOf<Channel | EventName>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: (
      ...args: undefined extends Request<C> ? [request?: Request<C>] : [request: Request<C>]
    ) => Promise<Settled<Response<C>, Raw>>;
  } & {
    [E in EventName as E extends `${D}:${infer V}` ? EventVerb<V> : never]: (listener: (payload: Events[E]) => void) => () => void;
  };
};

/** The renderer's api: `api.runs.start(req)` resolves to the response or throws a LabError; `api.runs.onEpoch(cb)` returns an unsubscribe. */
export type LabApi = ApiShape<false>;

/**
 * `window.api` in Electron: the same verbs, resolving to the `Result`. contextBridge keeps only the message of
 * an Error thrown across it, so the preload never throws; the renderer turns these into a `LabApi`.
 */
export type PreloadApi = ApiShape<true>;
