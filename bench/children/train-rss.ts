/**
 * Child process of the benchmark: trains one preset in this fresh process as a training worker does
 * (dataset cache → tensors → trainRun) and prints its peak resident set size as one JSON line.
 * argv: <backend> <dataset cache path> <preset id> <epochs>
 */
import { readFileSync } from 'node:fs';
import { readDatasetCache } from '../../src/main/core/datasets/cache';
import { initBackend } from '../../src/main/core/training/backend/backend';
import { trainRun } from '../../src/main/core/training/loop/train-run';
import { findPreset } from '../../src/shared/presets';
import type { BackendName } from '../../src/shared/run-types';

/**
 * Bytes at the process's peak residency, including moments between samples. Linux: VmHWM of this process's own
 * address space. Not getrusage's maxRSS: on Linux that survives exec, so a child spawned by the big benchmark
 * process would report the parent's size at fork (seen: 633 MiB against a real peak of ~270 MiB).
 */
function highWaterMark(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS * 1024;
}

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
  const outcome = await trainRun(
    { ...preset.config, epochs: Number(epochs) },
    dataset,
    { runId: 1, onStarted: sample, onBatch: sample, onEpoch: sample },
    () => false,
  );
  sample();
  const peak = Math.max(sampled, highWaterMark());
  console.log(
    JSON.stringify({
      backend: name,
      status: outcome.status,
      startRssMiB: before / 2 ** 20,
      peakRssMiB: peak / 2 ** 20,
      testAccuracy: outcome.evaluation?.testAccuracy ?? null,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
