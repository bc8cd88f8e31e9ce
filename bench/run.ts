/**
 * `npm run bench`: Loss Lab's performance benchmark. Prints Markdown tables and writes every figure (with
 * the per-repetition values and the machine load) to bench/results/<time>-<label>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { buildEmbeddedDataset } from '../src/main/core/datasets/embedded';
import { initBackend } from '../src/main/core/training/backend/backend';
import { parseArgs, USAGE, type BenchOptions } from './lib/args';
import { writePeerData } from './lib/data-file';
import { runFullStudy } from './lib/full-study-setup';
import { fullStudyTable, latencyTable, otherTable, throughputTable } from './lib/report';
import { load1 } from './lib/stats';
import type { PeerBlas } from './lib/peer-blas';
import { peerUnavailable, startTorchPeer, type TorchPeer } from './lib/torch-peer';
import { measureLatency, type LatencyResult } from './sections/app-latency';
import { measureRss, type RssResult } from './sections/rss';
import { measureScale, type ScaleResult } from './sections/scale';
import type { FullStudyResult } from './sections/full-study';
import { measureStudy, type StudyResult } from './sections/study';
import { measureThroughput, type ThroughputCell } from './sections/throughput';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string): void => console.error(line);

async function throughput(
  o: BenchOptions,
  scratch: string,
  notes: string[],
): Promise<{ cells: ThroughputCell[]; torch: { version: string; defaultThreads: number; defaultBlasThreads: number | null; blas: PeerBlas } | null }> {
  const dataset = buildEmbeddedDataset();
  let peer: TorchPeer | null = null;
  if (o.peer) {
    const why = peerUnavailable();
    if (why) {
      log(`[throughput] ${why}`);
      notes.push(why);
    } else {
      const dataPath = join(scratch, 'train-split.bin');
      writePeerData(dataPath, dataset.train);
      peer = await startTorchPeer(dataPath);
      log(
        `[throughput] PyTorch ${peer.torchVersion} on ${peer.blas.label} (${peer.blas.libraries.join(', ') || 'none mapped'}), default ${peer.defaultThreads} torch thread(s) and ${peer.defaultBlasThreads ?? '—'} BLAS thread(s) on ${cpus().length} cores`,
      );
    }
  }
  try {
    const { cells, skipped } = await measureThroughput(dataset.train, {
      backends: o.backends,
      batches: o.batches,
      reps: o.reps,
      cpuReps: o.cpuReps,
      peer,
      log,
    });
    notes.push(...skipped);
    return {
      cells,
      torch: peer ? { version: peer.torchVersion, defaultThreads: peer.defaultThreads, defaultBlasThreads: peer.defaultBlasThreads, blas: peer.blas } : null,
    };
  } finally {
    peer?.close();
  }
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') return console.log(USAGE);
  const o = parsed;
  const scratch = mkdtempSync(join(tmpdir(), 'loss-lab-bench-'));
  const notes: string[] = [];
  const startedAt = new Date();
  const loadAtStart = load1();
  let tput: Awaited<ReturnType<typeof throughput>> | null = null;
  let latency: LatencyResult | null = null;
  let rss: RssResult | null = null;
  let scale: ScaleResult | null = null;
  let study: StudyResult | null = null;
  let fullStudy: FullStudyResult | null = null;
  try {
    const attempt = async <T>(section: string, fn: () => Promise<T>): Promise<T | null> => {
      try {
        return await fn();
      } catch (error) {
        const message = `the ${section} section failed: ${error instanceof Error ? error.message : String(error)}`;
        log(`[${section}] ${message}`);
        notes.push(message);
        return null;
      }
    };
    if (o.sections.includes('throughput')) tput = await throughput(o, scratch, notes);
    // The app's own choice of backend, for everything measured through the Lab.
    const appBackend = (await initBackend()).name;
    const labDir = join(scratch, 'lab');
    if (o.sections.includes('latency')) latency = await attempt('latency', () => measureLatency(labDir, appBackend, { runs: 1000, predictCalls: 1000, log }));
    if (o.sections.includes('scale')) {
      const result = await attempt('scale', () => measureScale(join(scratch, 'scale'), appBackend, { batches: o.batches, reps: Math.min(o.reps, 2), log }));
      if (typeof result === 'string') notes.push(result);
      else scale = result;
    }
    if (o.sections.includes('rss')) {
      const cache = join(scratch, 'rss', 'digits.bin');
      mkdirSync(join(scratch, 'rss'), { recursive: true });
      const { writeDatasetCache } = await import('../src/main/core/datasets/cache');
      writeDatasetCache(cache, buildEmbeddedDataset());
      rss = await attempt('rss', async () => measureRss(cache, appBackend, 'example-3', 3));
      if (rss) log(`[rss] peak ${Math.round(rss.peakRssMiB)} MiB`);
    }
    if (o.sections.includes('study'))
      study = await attempt('study', () =>
        measureStudy(join(scratch, 'study'), appBackend, { runs: o.studyRuns, epochs: o.studyEpochs, reps: o.studyReps, log }),
      );
    if (o.sections.includes('full-study'))
      fullStudy = await attempt('full-study', () =>
        runFullStudy(scratch, appBackend, { seeds: o.studySeeds, epochs: o.studyEpochs, peer: o.peer, log, notes }),
      );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const meta = {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.version,
    tfjs: tf.version.tfjs,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAtStart,
    loadAtEnd: load1(),
    torch: tput?.torch ?? null,
    notes,
  };
  console.log(
    `\nLoss Lab benchmark, ${meta.startedAt} — ${meta.cpu}, ${meta.cores} cores, Node ${meta.node}, tfjs ${meta.tfjs}, load ${meta.loadAtStart} → ${meta.loadAtEnd}`,
  );
  if (tput) {
    console.log(
      `\nTraining throughput, embedded digits (8,000 train samples), medians of ${o.reps} whole epochs (cpu: ${o.cpuReps}) after a warm-up epoch, alternated with PyTorch ${tput.torch ? `${tput.torch.version} on ${tput.torch.blas.label}` : '(skipped)'}:\n`,
    );
    console.log(
      throughputTable(
        tput.cells,
        tput.torch ? { blas: tput.torch.blas.label, defaultThreads: tput.torch.defaultThreads, defaultBlasThreads: tput.torch.defaultBlasThreads } : null,
      ),
    );
  }
  if (latency) console.log(`\nLatency (through the Lab's channels):\n\n${latencyTable(latency)}`);
  if (rss || scale || study) console.log(`\nMemory, scale and parallel studies:\n\n${otherTable(rss, scale, study)}`);
  if (fullStudy) console.log(`\n${fullStudyTable(fullStudy)}`);
  for (const note of notes) console.log(`\nnote: ${note}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}-${o.label}.json`);
  writeFileSync(file, `${JSON.stringify({ meta, throughput: tput?.cells ?? null, latency, rss, scale, study, fullStudy }, null, 2)}\n`);
  console.log(`\nresults: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
