/** Throughput at 8k vs 60k training samples: Fashion-MNIST imported through the datasets registry. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatasetRegistry } from '../../src/main/core/datasets/registry';
import type { DatasetSplit } from '../../src/main/core/datasets/dataset';
import { openStore } from '../../src/main/core/store';
import { initBackend } from '../../src/main/core/training/backend/backend';
import { findPreset } from '../../src/shared/presets';
import type { BackendName } from '../../src/shared/run-types';
import { createLabSession } from '../lib/lab-session';
import { load1, median, sig } from '../lib/stats';

export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

export interface ScaleCell {
  batch: number;
  samples: number;
  /** samples/s over whole epochs, one per repetition. */
  perRep: number[];
  median: number;
}

export interface ScaleResult {
  backend: BackendName;
  preset: string;
  /** ms to import the four .gz IDX files through the registry (read, validate, write the cache). */
  importMs: number;
  cells: ScaleCell[];
  load: number[];
}

function firstRows(split: DatasetSplit, count: number): DatasetSplit {
  return { count, labels: split.labels.subarray(0, count), images: split.images.subarray(0, count * 784) };
}

export async function measureScale(
  dataDir: string,
  backend: BackendName,
  o: { batches: number[]; reps: number; log: (line: string) => void },
): Promise<ScaleResult | string> {
  if (!existsSync(FASHION_DIR)) return `${FASHION_DIR} is missing: skipping 8k vs 60k`;
  const store = openStore(join(dataDir, 'loss-lab.db'));
  let train: DatasetSplit;
  let importMs: number;
  try {
    const registry = await openDatasetRegistry(dataDir, store);
    const started = performance.now();
    const info = await registry.import([FASHION_DIR], 'Fashion-MNIST');
    importMs = performance.now() - started;
    train = registry.load(info.id).train;
  } finally {
    store.close();
  }
  o.log(`[scale] imported Fashion-MNIST (${train.count} train) in ${Math.round(importMs)} ms`);
  await initBackend(backend);
  const preset = findPreset('example-3');
  if (!preset) throw new Error('preset example-3 is missing');
  const cells: ScaleCell[] = [];
  const load: number[] = [];
  for (const batch of o.batches) {
    const config = { ...preset.config, batchSize: batch };
    const small = createLabSession(config, firstRows(train, 8000));
    const full = createLabSession(config, train);
    small.epoch();
    const perSmall: number[] = [];
    const perFull: number[] = [];
    for (let rep = 1; rep <= o.reps; rep++) {
      load.push(load1());
      perSmall.push(small.epoch().samplesPerSecond);
      perFull.push(full.epoch().samplesPerSecond);
      o.log(
        `[scale] batch ${batch} rep ${rep}/${o.reps}: 8k ${Math.round(perSmall[rep - 1])}/s, ${train.count} ${Math.round(perFull[rep - 1])}/s (load ${load[load.length - 1]})`,
      );
    }
    small.dispose();
    full.dispose();
    cells.push({ batch, samples: 8000, perRep: perSmall.map((v) => sig(v, 4)), median: sig(median(perSmall), 4) });
    cells.push({ batch, samples: train.count, perRep: perFull.map((v) => sig(v, 4)), median: sig(median(perFull), 4) });
  }
  return { backend, preset: preset.id, importMs: sig(importMs), cells, load };
}
