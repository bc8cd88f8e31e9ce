/**
 * Child process of the benchmark: trains one preset in this fresh process as a training worker does
 * (dataset cache → tensors → trainRun) and prints its peak resident set size as one JSON line.
 * argv: <backend> <dataset cache path> <preset id> <epochs>
 */
import { readDatasetCache } from '../../src/main/core/datasets/cache';
import { initBackend } from '../../src/main/core/training/backend';
import { trainRun } from '../../src/main/core/training/train-run';
import { findPreset } from '../../src/shared/presets';
import type { BackendName } from '../../src/shared/run-types';

async function main(): Promise<void> {
  const [backend, cachePath, presetId, epochs] = process.argv.slice(2);
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  const before = process.memoryUsage().rss;
  const { name } = await initBackend(backend as BackendName);
  const dataset = readDatasetCache(cachePath);
  let sampled = process.memoryUsage().rss;
  const sample = (): void => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  };
  const outcome = await trainRun({ ...preset.config, epochs: Number(epochs) }, dataset, { runId: 1, onStarted: sample, onBatch: sample, onEpoch: sample }, () => false);
  sample();
  // maxRSS is in kilobytes and covers the whole life of the process, including moments between samples.
  const peak = Math.max(sampled, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ backend: name, status: outcome.status, startRssMiB: before / 2 ** 20, peakRssMiB: peak / 2 ** 20, testAccuracy: outcome.evaluation?.testAccuracy ?? null }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
