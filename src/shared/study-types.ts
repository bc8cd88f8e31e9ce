/** Plain-data types for studies: configurations × seeds, summarised with their uncertainty. */
import type { ModelConfig } from './model-config';
import type { OutputSignal, RunSummary } from './run-types';

/**
 * `completed`: every planned run completed (or diverged, itself a result). `incomplete`: nothing is left to
 * train but some runs ended otherwise (interrupted by a crash, failed, stopped); resuming re-queues them,
 * cancelling accepts fewer. `cancelled`: the person stopped the study.
 */
export type StudyStatus = 'running' | 'paused' | 'completed' | 'incomplete' | 'cancelled';

/** One configuration of a study, run once per seed. */
export interface StudyConfiguration {
  /** Stable within the study, e.g. `example-1` or `loss=mse,outputActivation=tanh`. */
  key: string;
  label: string;
  config: ModelConfig;
}

export interface StudySummary {
  id: number;
  name: string;
  /** `seed-article` for the built-in study, else null. */
  builtinId: string | null;
  datasetId: string;
  status: StudyStatus;
  seeds: number;
  createdAt: string;
  runsTotal: number;
  runsCompleted: number;
  runsRunning: number;
  runsQueued: number;
  /** Runs that ended otherwise (failed, diverged, stopped, interrupted). */
  runsOther: number;
  /** Seconds until the last queued run ends, estimated from finished runs; null before any finishes. */
  etaSeconds: number | null;
}

/** Mean, sample standard deviation and 95% confidence interval (Student t) of n values. */
export interface Spread {
  n: number;
  mean: number;
  sd: number;
  ci95: [number, number];
}

export interface CurvePoint {
  epoch: number;
  mean: number;
  /** mean ± sd band. */
  lower: number;
  upper: number;
}

export interface LayerTrend {
  layer: string;
  /** Mean over seeds at epoch 1 and at the last epoch. */
  first: number;
  last: number;
}

/** Final test accuracy of one configuration (all factors but the training-set size) at one size. */
export interface SizePoint {
  /** Training samples (the subset size). */
  trainSize: number;
  /** Over completed runs; its 95% interval is clipped to [0, 1]. */
  accuracy: Spread;
}

/** A configuration's final test accuracy across training-set sizes, ascending. */
export interface SizeSeries {
  /** The configuration's key without its size, e.g. `example-1`. */
  key: string;
  label: string;
  points: SizePoint[];
}

/** Probe samples' output error and gradient pooled over a configuration's completed runs (see `OutputSignal`). */
export interface SignalCloud {
  /** Epoch 1, and each run's last epoch. */
  first: OutputSignal | null;
  last: OutputSignal | null;
}

export interface ConfigAggregate {
  key: string;
  label: string;
  runs: number;
  testAccuracy: Spread | null;
  testLoss: Spread | null;
  /** Epochs (1-based) to first reach 90% / 95% per-epoch test accuracy (validation for old runs without it), over the runs that reached it. */
  epochsTo90: Spread | null;
  epochsTo95: Spread | null;
  secondsTo90: Spread | null;
  secondsTo95: Spread | null;
  /** How many of the runs reached 90% / 95% (test accuracy, else validation). */
  reached90: number;
  reached95: number;
  /** Per-epoch test accuracy, mean ± sd over seeds (empty for runs recorded before per-epoch test figures). */
  testAccuracyCurve: CurvePoint[];
  /** Empty when the configurations hold out no validation split (the article's protocol). */
  valAccuracyCurve: CurvePoint[];
  trainLossCurve: CurvePoint[];
  gradientNorms: LayerTrend[];
  /** Saturated fraction (0..1) of the layers that have one. */
  saturation: LayerTrend[];
  /** Output gradient vs output error of the probe samples, at most 512 points each; absent in old runs. */
  outputSignal: SignalCloud;
}

export interface Comparison {
  a: string;
  b: string;
  metric: 'testAccuracy' | 'testLoss';
  /**
   * `paired`: paired t on the per-seed differences (the study's design: same initial weights and shuffles per
   * seed); `welch`: Welch's independent-samples t, used only when fewer than 2 seeds ran on both sides.
   */
  design: 'paired' | 'welch';
  /** Matched seeds (paired), or the smaller side's runs (Welch). */
  n: number;
  /** mean(a) − mean(b) (over the matched seeds when paired). */
  difference: number;
  ci95: [number, number];
  /** The t statistic, its degrees of freedom and two-sided p-value. */
  t: number;
  df: number;
  p: number;
}

export type VerdictStatus = 'supported' | 'not supported' | 'inconclusive';

export interface Verdict {
  /** 1..4, in the order of the seed article. */
  claim: number;
  statement: string;
  /** Training-set size the claim was judged at (a size factor judges each claim per size); null: the whole training split. */
  trainSize: number | null;
  status: VerdictStatus;
  /** The numbers behind the verdict, for a person to read. */
  evidence: string;
}

export interface StudyDetail extends StudySummary {
  configurations: StudyConfiguration[];
  runs: RunSummary[];
  aggregates: ConfigAggregate[];
  /** For the built-in study only; null otherwise. */
  verdicts: Verdict[] | null;
  /** Final test accuracy vs training-set size, one series per configuration; empty without a size factor. */
  sizeSeries: SizeSeries[];
}
