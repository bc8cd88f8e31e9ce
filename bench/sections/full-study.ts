/**
 * The built-in study on the article's full MNIST (5 configurations × seeds × 10 epochs of 60,000 images, the
 * test split evaluated after every epoch) through the Lab with 1 and then 2 workers, and the same runs through
 * PyTorch processes with one thread each, as many as Loss Lab's workers. Wall time from the first run's start
 * to the last run's end.
 */
import type { Lab } from '../../src/main/core/lab/lab-types';
import { findPreset } from '../../src/shared/presets';
import type { BackendName, RunStatus } from '../../src/shared/run-types';
import { call, finishedRuns, openBenchLab } from '../lib/lab-client';
import { load1, sig } from '../lib/stats';
import type { PeerRun, PeerRunResult } from '../lib/torch-study-peer';

export interface StudyRound {
  /** Loss Lab workers, or PyTorch processes. */
  workers: number;
  seconds: number;
  /** Training samples of all runs ÷ seconds. */
  samplesPerSecond: number;
  /** Mean final test accuracy per configuration (preset id). */
  meanAccuracy: Record<string, number>;
  load: number;
}

export interface FullStudyResult {
  seeds: number;
  epochs: number;
  runs: number;
  trainCount: number;
  backend: BackendName;
  lab: StudyRound[];
  torch: StudyRound | null;
  /** Loss Lab with 2 workers ÷ PyTorch with 2 processes, in throughput. */
  ratio: number | null;
  /** 2 workers ÷ 1 worker. */
  speedup: number | null;
  /** The 25-run, 10-epoch study (5 seeds) on an 8-core machine, extrapolated: see `eightCoreEstimate`. */
  eightCoreSeconds: number | null;
}

export interface FullStudyOptions {
  dataDir: string;
  backend: BackendName;
  seeds: number;
  epochs: number;
  /** Trains the study's runs on PyTorch; null skips the peer. */
  peer: ((runs: PeerRun[], processes: number) => Promise<{ seconds: number; results: PeerRunResult[] }>) | null;
  log: (line: string) => void;
}

const TRAIN_COUNT = 60_000;

function meanBy(items: { key: string; value: number }[]): Record<string, number> {
  const sums = new Map<string, number[]>();
  for (const { key, value } of items) sums.set(key, [...(sums.get(key) ?? []), value]);
  return Object.fromEntries([...sums].map(([key, values]) => [key, sig(values.reduce((a, b) => a + b, 0) / values.length, 4)]));
}

/** The seconds from the first run that starts training to the end of the last one. */
function firstStartClock(lab: Lab): { first: () => number | null; dispose: () => void } {
  let first: number | null = null;
  const dispose = lab.subscribe((event, payload) => {
    if (event === 'runs:status' && first === null && (payload as { status: RunStatus }).status === 'running') first = performance.now();
  });
  return { first: () => first, dispose };
}

async function labRound(o: FullStudyOptions, workers: number): Promise<{ round: StudyRound; runs: PeerRun[] }> {
  const lab = await openBenchLab(o.dataDir, workers, o.backend);
  try {
    const finished = finishedRuns(lab);
    const clock = firstStartClock(lab);
    const load = load1();
    const study = await call(lab, 'studies:startBuiltin', { builtinId: 'seed-article', datasetId: 'mnist', seeds: o.seeds, epochs: o.epochs });
    const ids = (await call(lab, 'studies:get', { studyId: study.id })).runs.map((r) => r.id);
    o.log(
      `[full-study] Loss Lab, ${workers} worker(s): ${ids.length} runs × ${o.epochs} epochs on ${TRAIN_COUNT.toLocaleString('en-US')} images (load ${load})`,
    );
    const statuses = await finished.waitFor(ids);
    const seconds = (performance.now() - (clock.first() ?? performance.now())) / 1000;
    clock.dispose();
    finished.dispose();
    const bad = [...statuses.values()].filter((s) => s !== 'completed');
    if (bad.length > 0) throw new Error(`study runs ended ${bad.join(', ')}`);
    const detail = await call(lab, 'studies:get', { studyId: study.id });
    const runs = detail.runs.map((run): PeerRun => {
      const config = findPreset(run.presetId ?? '')?.config;
      if (!config) throw new Error(`run ${run.id} has no preset`);
      return {
        presetId: run.presetId ?? '?',
        hidden: config.hiddenActivation,
        output: config.outputActivation,
        loss: config.loss,
        units: config.hiddenUnits[0],
        batch: config.batchSize,
        epochs: o.epochs,
        lr: config.learningRate,
        seed: run.seed,
      };
    });
    const meanAccuracy = meanBy(detail.runs.map((r) => ({ key: r.presetId ?? '?', value: r.finalTestAccuracy ?? Number.NaN })));
    o.log(`[full-study] Loss Lab, ${workers} worker(s): ${seconds.toFixed(0)} s`);
    return {
      round: { workers, seconds: sig(seconds, 4), samplesPerSecond: sig((ids.length * o.epochs * TRAIN_COUNT) / seconds, 4), meanAccuracy, load },
      runs,
    };
  } finally {
    await lab.close();
  }
}

/**
 * The 5-seed study (25 runs of `epochs` epochs) on 8 workers, from what was measured here: each worker trains at the per-worker
 * rate measured with 2 workers (so contention as measured at 2 is assumed to hold at 8: an optimistic
 * assumption where memory bandwidth is shared), the runs go in waves of 8, and a core of the 8-core machine
 * is as fast as one of these.
 */
export function eightCoreEstimate(twoWorkerSamplesPerSecond: number, epochs: number): number {
  const perWorker = twoWorkerSamplesPerSecond / 2;
  const runSeconds = (epochs * TRAIN_COUNT) / perWorker;
  return Math.ceil(25 / 8) * runSeconds;
}

export async function measureFullStudy(o: FullStudyOptions): Promise<FullStudyResult> {
  const one = await labRound(o, 1);
  const two = await labRound(o, 2);
  let torch: StudyRound | null = null;
  if (o.peer) {
    const load = load1();
    o.log(`[full-study] PyTorch, 2 processes of 1 thread: the same ${two.runs.length} runs (load ${load})`);
    const { seconds, results } = await o.peer(two.runs, 2);
    const meanAccuracy = meanBy(results.map((r, i) => ({ key: two.runs[i].presetId, value: r.testAccuracy.at(-1) ?? Number.NaN })));
    torch = { workers: 2, seconds: sig(seconds, 4), samplesPerSecond: sig((two.runs.length * o.epochs * TRAIN_COUNT) / seconds, 4), meanAccuracy, load };
  }
  return {
    seeds: o.seeds,
    epochs: o.epochs,
    runs: two.runs.length,
    trainCount: TRAIN_COUNT,
    backend: o.backend,
    lab: [one.round, two.round],
    torch,
    ratio: torch ? sig(two.round.samplesPerSecond / torch.samplesPerSecond) : null,
    speedup: sig(two.round.samplesPerSecond / one.round.samplesPerSecond),
    eightCoreSeconds: Math.round(eightCoreEstimate(two.round.samplesPerSecond, 10)),
  };
}
