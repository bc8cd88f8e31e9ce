/** Turns measured results into the printed tables (Markdown, so they paste into the README as they are). */
import type { LatencyResult } from '../sections/app-latency';
import type { FullStudyResult } from '../sections/full-study';
import type { RssResult } from '../sections/rss';
import type { ScaleResult } from '../sections/scale';
import type { StudyResult } from '../sections/study';
import type { ThroughputCell } from '../sections/throughput';
import { median } from './stats';
import { markdownTable, type Cell } from './table';

const MODEL_NAMES: Record<string, string> = { 'example-1': 'Ex 1 tanh+MSE', 'example-3': 'Ex 3 relu+softmax+CE' };
const ratio = (v: number | null): Cell => (v === null ? null : `${v.toFixed(2)}×`);

/** What the PyTorch peer ran on: its BLAS (see peer-blas.ts) and default thread counts, for the column headers. */
export interface PeerHeader {
  blas: string;
  defaultThreads: number;
  defaultBlasThreads: number | null;
}

const withCores = (value: number | null, cores: number | null): Cell =>
  value === null ? null : `${Math.round(value).toLocaleString('en-US')}${cores === null ? '' : ` (${cores.toFixed(1)} cores)`}`;

export function throughputTable(cells: ThroughputCell[], peer: PeerHeader | null): string {
  const on = peer === null ? '' : `, ${peer.blas}`;
  const blasDefault = peer?.defaultBlasThreads == null ? '' : ` + BLAS ${peer.defaultBlasThreads} thr`;
  const header = [
    'backend',
    'model',
    'batch',
    'Loss Lab samples/s',
    `PyTorch 1 thread${on}`,
    'ratio',
    `PyTorch default (${peer?.defaultThreads ?? '—'} thr${blasDefault}${on})`,
    'ratio',
    'load (1 min)',
  ];
  const rows = cells.map((c): Cell[] => [
    c.backend,
    MODEL_NAMES[c.preset] ?? c.preset,
    c.batch,
    withCores(c.labMedian, c.labCores),
    withCores(c.torch1Median, c.torch1Cores),
    ratio(c.ratio1),
    withCores(c.torchDefaultMedian, c.torchDefaultCores),
    ratio(c.ratioDefault),
    `${Math.min(...c.load).toFixed(2)}–${Math.max(...c.load).toFixed(2)}`,
  ]);
  return markdownTable(header, rows);
}

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const perSecond = (v: number): string => `${Math.round(v).toLocaleString('en-US')} samples/s`;

export function latencyTable(r: LatencyResult): string {
  return markdownTable(
    ['measure', 'value', 'target', ''],
    [
      ['load embedded digits (cache, median of 7)', `${r.datasetLoadMedianMs.toFixed(1)} ms`, '< 300 ms', verdict(r.datasetLoadMedianMs < 300)],
      ['first launch: build digits cache', `${Math.round(r.datasetFirstBuildMs)} ms`, '—', ''],
      ['load full MNIST, 70,000 images (cache, median of 7)', `${r.mnistLoadMedianMs.toFixed(1)} ms`, '< 300 ms', verdict(r.mnistLoadMedianMs < 300)],
      ['first use: build full MNIST cache', `${Math.round(r.mnistFirstBuildMs)} ms`, '—', ''],
      [`predict p50 (${r.predictCalls} calls)`, `${r.predictP50Ms.toFixed(2)} ms`, '—', ''],
      [`predict p99 (${r.predictCalls} calls)`, `${r.predictP99Ms.toFixed(2)} ms`, '< 10 ms', verdict(r.predictP99Ms < 10)],
      ['first predict (loads the model)', `${r.predictFirstMs.toFixed(1)} ms`, '—', ''],
      [`list ${r.storedRuns} runs (median)`, `${r.listMedianMs.toFixed(1)} ms (first ${r.listFirstMs.toFixed(1)})`, '< 50 ms', verdict(r.listMedianMs < 50)],
      ['open one run (median)', `${r.openMedianMs.toFixed(1)} ms (first ${r.openFirstMs.toFixed(1)})`, '< 20 ms', verdict(r.openMedianMs < 20)],
    ],
  );
}

export function otherTable(rss: RssResult | null, scale: ScaleResult | null, study: StudyResult | null): string {
  const rows: Cell[][] = [];
  if (rss)
    rows.push([
      `peak RSS, ${rss.preset} ${rss.epochs} epochs on ${rss.backend}`,
      `${Math.round(rss.peakRssMiB)} MiB (start ${Math.round(rss.startRssMiB)})`,
      '—',
      '',
    ]);
  if (scale) {
    rows.push([`import Fashion-MNIST (${scale.cells.find((c) => c.samples !== 8000)?.samples ?? '?'} train)`, `${Math.round(scale.importMs)} ms`, '—', '']);
    for (const c of scale.cells)
      rows.push([`${scale.preset} batch ${c.batch}, ${c.samples.toLocaleString('en-US')} samples (${scale.backend})`, perSecond(c.median), '—', '']);
  }
  if (study) {
    const cores = (c: number[]): string => `${median(c).toFixed(2)} cores busy`;
    rows.push([
      `study, ${study.runs} runs × ${study.epochsPerRun} epochs, 1 worker`,
      `${perSecond(study.oneWorkerMedian)} (${cores(study.oneWorkerCores)})`,
      '—',
      '',
    ]);
    rows.push([
      `study, ${study.runs} runs × ${study.epochsPerRun} epochs, 2 workers`,
      `${perSecond(study.twoWorkersMedian)} (${study.speedup.toFixed(2)}×; ${cores(study.twoWorkersCores)})`,
      '≥ 1.8×',
      verdict(study.speedup >= 1.8),
    ]);
    const split = study.twoWorkersThreads.map(
      (t) => `training ${t.busiest.map((c) => c.toFixed(2)).join(' + ')}, main ${t.main.toFixed(2)}, other ${t.others.toFixed(2)}`,
    );
    if (split.length > 0) rows.push(['study, 2 workers: cores per thread, each round', split.join(' · '), '—', '']);
  }
  return markdownTable(['measure', 'value', 'target', ''], rows);
}

const minutes = (seconds: number): string => (seconds < 120 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`);

export function fullStudyTable(r: FullStudyResult): string {
  const title = `The built-in study on full MNIST: ${r.runs} runs (5 configurations × ${r.seeds} seed(s)) × ${r.epochs} epochs × ${r.trainCount.toLocaleString('en-US')} images, the test split evaluated after every epoch, Loss Lab on ${r.backend}:`;
  const accuracy = (m: Record<string, number>): string =>
    Object.entries(m)
      .map(([preset, v]) => `${preset} ${(v * 100).toFixed(2)} %`)
      .join(', ');
  const rows: Cell[][] = r.lab.map((round) => [
    `Loss Lab, ${round.workers} worker(s)`,
    minutes(round.seconds),
    perSecond(round.samplesPerSecond),
    round.load.toFixed(2),
    accuracy(round.meanAccuracy),
  ]);
  if (r.torch)
    rows.push([
      `PyTorch, ${r.torch.workers} processes × 1 thread`,
      minutes(r.torch.seconds),
      perSecond(r.torch.samplesPerSecond),
      r.torch.load.toFixed(2),
      accuracy(r.torch.meanAccuracy),
    ]);
  const lines = [title, '', markdownTable(['', 'wall time', 'throughput', 'load at start', 'mean final test accuracy per configuration'], rows), ''];
  // Equal runs on 2 workers finish in ceil(runs / 2) waves: 5 runs cannot go faster than 5 / 3 = 1.67×.
  const cap = r.runs / Math.ceil(r.runs / 2);
  if (r.speedup !== null)
    lines.push(
      `2 workers ÷ 1 worker: ${r.speedup.toFixed(2)}× (${r.runs} runs of equal length allow at most ${cap.toFixed(2)}×; the study section measures worker scaling on an even number of runs)`,
    );
  if (r.ratio !== null)
    lines.push(`Loss Lab (2 workers) ÷ PyTorch (2 processes), throughput: ${r.ratio.toFixed(2)}× (target ≥ 0.5×: ${verdict(r.ratio >= 0.5)})`);
  if (r.eightCoreSeconds !== null)
    lines.push(
      `The 25-run study (5 seeds × 10 epochs) on an 8-core machine, extrapolated from the 2-worker rate per worker (waves of 8 runs; assumes per-core speed and contention as measured here): ~${minutes(r.eightCoreSeconds)}`,
    );
  return lines.join('\n');
}
