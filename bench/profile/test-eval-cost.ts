/**
 * Cost of the per-epoch evaluation on the full MNIST, as a share of a training epoch on its 60,000 images:
 * the test split (10,000) and the probe diagnostics after every epoch, against `trainEpoch` itself. Also the
 * load time of the full-MNIST cache. Usage: npx tsx bench/profile/test-eval-cost.ts [wasm|cpu] [example-3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatasetCache, writeDatasetCache } from '../../src/main/core/datasets/cache';
import { readFullMnist } from '../../src/main/core/datasets/mnist-full';
import { epochOrder } from '../../src/main/core/random';
import { initBackend } from '../../src/main/core/training/backend/backend';
import { probeDiagnostics } from '../../src/main/core/training/loop/diagnostics';
import { measure } from '../../src/main/core/training/loop/evaluate';
import { trainEpoch } from '../../src/main/core/training/loop/train-epoch';
import { createStepContext, stepForward } from '../../src/main/core/training/loop/train-step';
import { disposeRunData, prepareRunData } from '../../src/main/core/training/loop/training-data';
import { findPreset } from '../../src/shared/presets';
import { median } from '../lib/stats';

const [backendArg = 'wasm', presetId = 'example-3'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'loss-lab-eval-cost-'));
try {
  const path = join(dir, 'mnist.bin');
  let started = performance.now();
  writeDatasetCache(path, await readFullMnist());
  console.log(`build full MNIST cache: ${(performance.now() - started).toFixed(0)} ms`);
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    started = performance.now();
    readDatasetCache(path);
    loads.push(performance.now() - started);
  }
  console.log(`load full MNIST cache (70,000 images), median of 7: ${median(loads).toFixed(1)} ms`);

  const backend = await initBackend(backendArg === 'cpu' ? 'cpu' : 'wasm');
  const config = findPreset(presetId)?.config;
  if (!config) throw new Error(`no preset ${presetId}`);
  const dataset = readDatasetCache(path);
  const data = prepareRunData(dataset.train, dataset.test, config);
  const ctx = createStepContext(config);
  const train: number[] = [];
  const test: number[] = [];
  const probe: number[] = [];
  for (let epoch = 1; epoch <= 2; epoch++) {
    const result = trainEpoch(ctx, data.train, epochOrder(data.train.count, config.seed, epoch), config.batchSize, {
      shouldStop: () => false,
      onProgress: () => {},
    });
    if (result.kind !== 'completed') throw new Error(`epoch ended ${result.kind}`);
    train.push(result.seconds * 1000);
    started = performance.now();
    measure(stepForward(ctx), ctx.loss, data.test);
    test.push(performance.now() - started);
    started = performance.now();
    probeDiagnostics(ctx.model, ctx.loss, data.probe, config);
    probe.push(performance.now() - started);
  }
  const epochMs = median(train);
  const share = (ms: number): string => `${ms.toFixed(0)} ms = ${((100 * ms) / epochMs).toFixed(2)} % of an epoch`;
  console.log(
    `${backend.name}, ${presetId}, batch ${config.batchSize}: epoch on ${data.train.count} images ${epochMs.toFixed(0)} ms (median of ${train.length})`,
  );
  console.log(`per-epoch test evaluation (10,000 images): ${share(median(test))}`);
  console.log(`per-epoch probe diagnostics (${data.probe.count} images): ${share(median(probe))}`);
  ctx.optimizer.dispose();
  ctx.model.dispose();
  disposeRunData(data);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
