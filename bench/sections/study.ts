/** Study throughput: the same short runs through the Lab's run scheduler with 1 worker, then with 2. */
import { EMBEDDED_DATASET_ID } from '../../src/main/core/datasets/embedded';
import { findPreset } from '../../src/shared/presets';
import type { BackendName } from '../../src/shared/run-types';
import { call, finishedRuns, openBenchLab } from '../lib/lab-client';
import { load1, median, sig } from '../lib/stats';
import { threadCores, threadCpuSeconds, type ThreadCores } from '../lib/thread-cpu';

export interface StudyResult {
  runs: number;
  epochsPerRun: number;
  /** Per repetition: training samples of all runs ÷ wall seconds from the first start to the last finish. */
  oneWorker: number[];
  twoWorkers: number[];
  load: number[];
  /** Cores the process kept busy (CPU time ÷ wall time) in each round: shows contention from other processes. */
  oneWorkerCores: number[];
  twoWorkersCores: number[];
  /** Where the cores went in each 2-worker round: the two training threads, the main thread, the rest. */
  twoWorkersThreads: ThreadCores[];
  oneWorkerMedian: number;
  twoWorkersMedian: number;
  /** Median over repetitions of (2 workers ÷ the 1-worker round just before it). */
  speedup: number;
}

/** Samples/s of one round, and the cores this process kept busy meanwhile (CPU time of all threads ÷ wall time). */
async function round(
  dataDir: string,
  backend: BackendName,
  workers: number,
  runs: number,
  epochs: number,
): Promise<{ samplesPerSecond: number; cores: number; threads: ThreadCores }> {
  const lab = await openBenchLab(dataDir, workers, backend);
  try {
    const preset = findPreset('example-3');
    if (!preset) throw new Error('preset example-3 is missing');
    const config = { ...preset.config, epochs };
    const finished = finishedRuns(lab);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const perThread = threadCpuSeconds();
    const ids: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      ids.push((await call(lab, 'runs:start', { config: { ...config, seed }, datasetId: EMBEDDED_DATASET_ID, name: `bench study w${workers} s${seed}` })).id);
    }
    const statuses = await finished.waitFor(ids);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const threads = threadCores(perThread, threadCpuSeconds(), seconds, workers);
    finished.dispose();
    const bad = [...statuses.values()].filter((s) => s !== 'completed');
    if (bad.length > 0) throw new Error(`study runs ended ${bad.join(', ')}`);
    const trainCount = Math.floor(8000 * (1 - config.validationSplit));
    return { samplesPerSecond: (runs * epochs * trainCount) / seconds, cores: (used.user + used.system) / 1e6 / seconds, threads };
  } finally {
    await lab.close();
  }
}

export async function measureStudy(
  dataDir: string,
  backend: BackendName,
  o: { runs: number; epochs: number; reps: number; log: (line: string) => void },
): Promise<StudyResult> {
  const one: number[] = [];
  const two: number[] = [];
  const oneCores: number[] = [];
  const twoCores: number[] = [];
  const twoThreads: ThreadCores[] = [];
  const load: number[] = [];
  for (let rep = 1; rep <= o.reps; rep++) {
    load.push(load1());
    const a = await round(dataDir, backend, 1, o.runs, o.epochs);
    const b = await round(dataDir, backend, 2, o.runs, o.epochs);
    one.push(a.samplesPerSecond);
    two.push(b.samplesPerSecond);
    oneCores.push(sig(a.cores));
    twoCores.push(sig(b.cores));
    twoThreads.push({ busiest: b.threads.busiest.map((c) => sig(c)), main: sig(b.threads.main), others: sig(b.threads.others) });
    const where = `training threads ${b.threads.busiest.map((c) => c.toFixed(2)).join(' + ')}, main ${b.threads.main.toFixed(2)}, other threads ${b.threads.others.toFixed(2)}`;
    o.log(
      `[study] rep ${rep}/${o.reps}: ${o.runs} runs × ${o.epochs} epochs, 1 worker ${Math.round(a.samplesPerSecond)}/s on ${a.cores.toFixed(2)} cores, 2 workers ${Math.round(b.samplesPerSecond)}/s on ${b.cores.toFixed(2)} cores (${where}) (load ${load[rep - 1]})`,
    );
  }
  return {
    runs: o.runs,
    epochsPerRun: o.epochs,
    oneWorker: one.map((v) => sig(v, 4)),
    twoWorkers: two.map((v) => sig(v, 4)),
    load,
    oneWorkerCores: oneCores,
    twoWorkersCores: twoCores,
    twoWorkersThreads: twoThreads,
    oneWorkerMedian: sig(median(one), 4),
    twoWorkersMedian: sig(median(two), 4),
    speedup: sig(median(two.map((v, i) => v / one[i]))),
  };
}
