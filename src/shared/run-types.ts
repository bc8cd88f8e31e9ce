/** Plain-data types for runs, epochs and evaluations. Everything here crosses process boundaries. */
import type { ModelConfig } from './model-config';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'stopped', 'diverged', 'interrupted', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Statuses after which a run never changes again (except by re-queueing an interrupted run). */
export const FINAL_STATUSES: readonly RunStatus[] = ['completed', 'stopped', 'diverged', 'interrupted', 'failed'];
/** Statuses a run can be re-queued from: it ended without completing. A completed run is trained again as a new run. */
export const REQUEUEABLE_STATUSES: readonly RunStatus[] = ['interrupted', 'stopped', 'failed', 'diverged'];

/**
 * The TensorFlow.js backends Loss Lab trains on, in the order they are tried: `tensorflow` is native
 * libtensorflow through tfjs-node; `wasm` (with Loss Lab's kernels) and `cpu` (plain JS) need no native code.
 */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Diagnostics of one Dense layer, measured once an epoch on a fixed probe batch. */
export interface LayerDiagnostics {
  /** e.g. `dense1` (first hidden), …, `output`. */
  layer: string;
  activation: string;
  /** L2 norm of the loss gradient w.r.t. the layer's kernel, on the probe batch. */
  gradientNorm: number;
  /** Fraction 0..1 of saturated units (|tanh| > 0.99; sigmoid < 0.01 or > 0.99); null for other activations. */
  saturatedFraction: number | null;
  /** Fraction 0..1 of relu units that output 0 for every probe sample; null for other activations. */
  deadFraction: number | null;
  /**
   * Mean local derivative of the activation over units and probe samples: the factor by which the layer
   * scales the backward signal on average. 1 − a² (tanh), a(1 − a) (sigmoid, at most 0.25), 1 where a > 0
   * else 0 (relu); null for other activations. Absent in runs recorded before it was measured.
   */
  attenuation?: number | null;
  /** The output layer only, at epoch 1 and the planned last epoch: one pair per probe sample. Absent otherwise. */
  outputSignal?: OutputSignal;
}

/**
 * How the loss's gradient on each probe sample depends on how wrong the sample's output is (claim 4's
 * mechanism). With MSE + tanh a confidently wrong output gets a gradient scaled by 1 − y² ≈ 0; with softmax +
 * cross-entropy it gets p − t. Values rounded to 4 significant digits.
 */
export interface OutputSignal {
  /** |y − t| of the true class's output over the target range (0 exactly right … 1 confidently wrong). */
  error: number[];
  /** L2 norm over the 10 outputs of d(sample loss)/d(output pre-activation). */
  gradient: number[];
}

export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  /** null when the config's validationSplit is 0. */
  valLoss: number | null;
  valAccuracy: number | null;
  /**
   * Loss and accuracy on the whole test split after this epoch (the article's `model.evaluate`, every epoch).
   * null for runs recorded before per-epoch test evaluation existed.
   */
  testLoss: number | null;
  testAccuracy: number | null;
  /** Wall-clock seconds of the epoch's training (not the diagnostics). */
  seconds: number;
  /** Training samples per second, measured over the whole epoch. */
  samplesPerSecond: number;
  layers: LayerDiagnostics[];
}

/** Progress inside an epoch, throttled (a few events a second at most). */
export interface BatchProgress {
  runId: number;
  epoch: number;
  /** 1-based batch within the epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Mean loss of the epoch so far. */
  loss: number;
  /** Over the epoch so far. */
  samplesPerSecond: number;
  /** Seconds until the whole run (all epochs) ends, at the current speed. */
  etaSeconds: number;
}

export interface ClassMetrics {
  label: number;
  precision: number;
  recall: number;
  f1: number;
  /** Test samples whose true label is this class. */
  support: number;
}

export interface Misclassified {
  /** Index into the dataset's test split. */
  index: number;
  trueLabel: number;
  predictedLabel: number;
  /** The 10 outputs after the config's output rescale (what argmax sees). */
  probabilities: number[];
}

/** Final evaluation on the test split. */
export interface Evaluation {
  testLoss: number;
  testAccuracy: number;
  testSize: number;
  /** confusion[true][predicted], counts; rows sum to each class's support. */
  confusion: number[][];
  perClass: ClassMetrics[];
  /** At most 500, in test-split order. */
  misclassified: Misclassified[];
  /** Number of misclassified digits in all (may exceed misclassified.length). */
  misclassifiedCount: number;
}

export interface RunSummary {
  id: number;
  name: string;
  presetId: string | null;
  studyId: number | null;
  datasetId: string;
  status: RunStatus;
  /** Backend that trained the run; null until it starts. */
  backend: BackendName | null;
  /**
   * Why that backend, in one line: measured ("wasm: 1.6× faster than cpu here …, measured 2026-…"), a smoke
   * step that failed ("tensorflow failed its smoke step: …"), or forced. null until it starts, and for runs
   * recorded before the reason was kept.
   */
  backendReason: string | null;
  loss: ModelConfig['loss'];
  hiddenActivation: ModelConfig['hiddenActivation'];
  outputActivation: ModelConfig['outputActivation'];
  seed: number;
  epochsPlanned: number;
  epochsDone: number;
  finalTestAccuracy: number | null;
  /** Validation accuracy of the last finished epoch. */
  lastValAccuracy: number | null;
  /** ISO-8601 timestamps. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationSeconds: number | null;
  notes: string;
  /** The queue worker's host that trained the run; absent for runs trained here. */
  workerHost?: string;
}

export interface RunDetail extends RunSummary {
  config: ModelConfig;
  epochs: EpochMetrics[];
  evaluation: Evaluation | null;
  /** Why a failed or diverged run ended. */
  error: string | null;
  /** Whether trained weights are stored, so the run can serve predictions. */
  hasModel: boolean;
  /** The queue worker that trained the run (machine and Loss Lab version); absent for runs trained here. */
  worker?: { host: string; version: string };
}

export interface Prediction {
  runId: number;
  /** The 10 outputs after the config's output rescale. */
  probabilities: number[];
  predicted: number;
  /** Milliseconds spent in the model call. */
  latencyMs: number;
}
