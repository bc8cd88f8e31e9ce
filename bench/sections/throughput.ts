/**
 * Training throughput of Loss Lab on each backend that loads, alternated epoch by epoch with the PyTorch peer
 * on the same bytes, so both see the same machine load.
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetSplit } from '../../src/main/core/datasets/dataset';
import { activeBackend, initBackend } from '../../src/main/core/training/backend/backend';
import { findPreset } from '../../src/shared/presets';
import type { BackendName } from '../../src/shared/run-types';
import { createLabSession, type LabSession } from '../lib/lab-session';
import { load1, median, sig } from '../lib/stats';
import type { TorchPeer } from '../lib/torch-peer';

export const CELL_PRESETS = ['example-1', 'example-3'] as const;
export type CellPreset = (typeof CELL_PRESETS)[number];

export interface ThroughputCell {
  backend: BackendName;
  preset: CellPreset;
  batch: number;
  /** Per repetition, samples/s over one whole epoch. */
  lab: number[];
  torch1: number[];
  torchDefault: number[];
  /** 1-minute load average when each repetition started. */
  load: number[];
  labMedian: number;
  /** Median cores Loss Lab's process kept busy (CPU ÷ wall seconds) over its epochs. */
  labCores: number;
  torch1Median: number | null;
  torchDefaultMedian: number | null;
  /** Median cores the peer kept busy (CPU ÷ wall seconds) in its 1-thread and default epochs. */
  torch1Cores: number | null;
  torchDefaultCores: number | null;
  /** Median over repetitions of (Loss Lab ÷ the PyTorch epoch run right after it). */
  ratio1: number | null;
  ratioDefault: number | null;
  /** Mean training loss and accuracy of the last Loss Lab epoch (a sanity check that it learns). */
  labLoss: number;
  labAccuracy: number;
}

export interface ThroughputOptions {
  backends: BackendName[];
  batches: number[];
  reps: number;
  /** Repetitions on the slow pure-JS backend. */
  cpuReps: number;
  peer: TorchPeer | null;
  log: (line: string) => void;
}

function pairedRatio(lab: number[], peer: number[]): number | null {
  if (peer.length === 0) return null;
  return sig(median(lab.map((v, i) => v / peer[i])));
}

/**
 * Makes `name` active, or says why it cannot be here, in the bench's words (a note in the output, so a missing
 * tfjs-node is never silent): the reason initBackend recorded when the forced backend failed its load or its
 * smoke step, e.g. "tensorflow: could not load: not installed here (@tensorflow/tfjs-node does not resolve)".
 */
export async function useBackend(name: BackendName): Promise<{ ok: true } | { ok: false; why: string }> {
  let reason: string;
  try {
    reason = (await initBackend(name)).reason;
  } catch (error) {
    return { ok: false, why: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (activeBackend() === name) return { ok: true };
  const own = reason.split('; ').find((part) => part.startsWith(`${name} `));
  const why = own === undefined ? `not chosen (${reason})` : own.slice(name.length + 1).replace(/ \(it was forced\)$/, '');
  return { ok: false, why: `${name}: ${why}; no ${name} rows` };
}

export async function measureThroughput(train: DatasetSplit, o: ThroughputOptions): Promise<{ cells: ThroughputCell[]; skipped: string[] }> {
  const cells: ThroughputCell[] = [];
  const skipped: string[] = [];
  const warmedPeer = new Set<string>();
  for (const backend of o.backends) {
    const used = await useBackend(backend);
    if (!used.ok) {
      skipped.push(used.why);
      o.log(`[throughput] skipping ${used.why}`);
      continue;
    }
    const reps = backend === 'cpu' ? o.cpuReps : o.reps;
    const plan = CELL_PRESETS.flatMap((preset) => o.batches.map((batch) => ({ preset, batch })));
    const sessions: LabSession[] = [];
    const rows = plan.map(({ preset, batch }) => {
      const found = findPreset(preset);
      if (!found) throw new Error(`preset ${preset} is missing from src/shared/presets.ts`);
      sessions.push(createLabSession({ ...found.config, batchSize: batch }, train));
      return {
        backend,
        preset,
        batch,
        lab: [] as number[],
        torch1: [] as number[],
        torchDefault: [] as number[],
        labCores: [] as number[],
        torch1Cores: [] as number[],
        torchDefaultCores: [] as number[],
        load: [] as number[],
        loss: 0,
        accuracy: 0,
      };
    });
    o.log(`[throughput] ${backend}: warm-up epoch of each model (load ${load1()})`);
    for (const [i, row] of rows.entries()) {
      sessions[i].epoch();
      const key = `${row.preset}/${row.batch}`;
      if (o.peer && !warmedPeer.has(key)) {
        await o.peer.epoch({ preset: row.preset, batch: row.batch, threads: 1 });
        warmedPeer.add(key);
      }
    }
    for (let rep = 1; rep <= reps; rep++) {
      for (const [i, row] of rows.entries()) {
        row.load.push(load1());
        const lab = sessions[i].epoch();
        row.lab.push(lab.samplesPerSecond);
        row.labCores.push(lab.coresUsed);
        row.loss = lab.meanLoss;
        row.accuracy = lab.accuracy;
        let line = `[throughput] ${backend} ${row.preset} batch ${row.batch} rep ${rep}/${reps}: loss lab ${Math.round(lab.samplesPerSecond)}/s (${lab.coresUsed.toFixed(2)} cores)`;
        if (o.peer) {
          const t1 = await o.peer.epoch({ preset: row.preset, batch: row.batch, threads: 1 });
          const td = await o.peer.epoch({ preset: row.preset, batch: row.batch, threads: 0 });
          row.torch1.push(t1.samplesPerSecond);
          row.torchDefault.push(td.samplesPerSecond);
          row.torch1Cores.push(t1.coresUsed);
          row.torchDefaultCores.push(td.coresUsed);
          line += `, torch×1 ${Math.round(t1.samplesPerSecond)}/s (${t1.coresUsed.toFixed(2)} cores), torch default ${Math.round(td.samplesPerSecond)}/s (${td.coresUsed.toFixed(2)} cores)`;
        }
        o.log(`${line} (load ${row.load[row.load.length - 1]})`);
      }
    }
    sessions.forEach((s) => s.dispose());
    for (const row of rows) {
      cells.push({
        backend: row.backend,
        preset: row.preset,
        batch: row.batch,
        lab: row.lab.map((v) => sig(v, 4)),
        torch1: row.torch1.map((v) => sig(v, 4)),
        torchDefault: row.torchDefault.map((v) => sig(v, 4)),
        load: row.load,
        labMedian: sig(median(row.lab), 4),
        labCores: sig(median(row.labCores), 3),
        torch1Median: row.torch1.length ? sig(median(row.torch1), 4) : null,
        torchDefaultMedian: row.torchDefault.length ? sig(median(row.torchDefault), 4) : null,
        torch1Cores: row.torch1Cores.length ? sig(median(row.torch1Cores), 3) : null,
        torchDefaultCores: row.torchDefaultCores.length ? sig(median(row.torchDefaultCores), 3) : null,
        ratio1: pairedRatio(row.lab, row.torch1),
        ratioDefault: pairedRatio(row.lab, row.torchDefault),
        labLoss: sig(row.loss, 4),
        labAccuracy: sig(row.accuracy, 4),
      });
    }
    o.log(`[throughput] ${backend}: ${tf.memory().numTensors} tensors left after disposing the sessions`);
  }
  return { cells, skipped };
}
