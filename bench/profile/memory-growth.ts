/**
 * `npx tsx --expose-gc bench/profile/memory-growth.ts [preset] [epochs] [backend]`: trains one run in this
 * process as a training worker does and prints, after every epoch (following a full GC when --expose-gc is
 * given), the process RSS, V8 heap, external and ArrayBuffer bytes, tfjs tensors and bytes, and the WASM
 * backend's linear memory: what, if anything, grows from epoch to epoch. Defaults: example-3, 40, wasm.
 */
import * as tf from '@tensorflow/tfjs';
import { buildEmbeddedDataset } from '../../src/main/core/datasets/embedded';
import { initBackend } from '../../src/main/core/training/backend/backend';
import { trainRun } from '../../src/main/core/training/loop/train-run';
import { findPreset } from '../../src/shared/presets';
import type { BackendName } from '../../src/shared/run-types';

const MiB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc;

/** Bytes of the WASM backend's linear memory, or null on another backend. */
function wasmBytes(): number | null {
  const backend = tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } };
  return backend.wasm?.HEAPU8?.length ?? null;
}

function row(label: string): string {
  gc?.();
  const m = process.memoryUsage();
  const t = tf.memory();
  const wasm = wasmBytes();
  const f = (bytes: number): string => (bytes / MiB).toFixed(1).padStart(7);
  return `${label.padEnd(9)} rss ${f(m.rss)}  heap ${f(m.heapUsed)}  external ${f(m.external)}  arrayBuffers ${f(m.arrayBuffers)}  tensors ${String(t.numTensors).padStart(4)} ${f(t.numBytes)}  wasm ${wasm === null ? '     —' : f(wasm)}  (MiB)`;
}

async function main(): Promise<void> {
  const [presetId = 'example-3', epochs = '40', backend = 'wasm'] = process.argv.slice(2);
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  await initBackend(backend as BackendName);
  const dataset = buildEmbeddedDataset();
  console.log(`${presetId}, ${epochs} epochs on ${tf.getBackend()}${gc ? ', full GC before each row' : ' (run with --expose-gc for GC-settled rows)'}`);
  console.log(row('start'));
  const outcome = await trainRun(
    { ...preset.config, epochs: Number(epochs) },
    dataset,
    { runId: 1, onStarted: () => undefined, onBatch: () => undefined, onEpoch: (m) => console.log(row(`epoch ${m.epoch}`)) },
    () => false,
  );
  console.log(row('end'));
  console.log(
    `status ${outcome.status}, test accuracy ${outcome.evaluation?.testAccuracy ?? '—'}, VmHWM ${/^VmHWM:\s+(\d+) kB/m.exec(await import('node:fs').then((fs) => fs.readFileSync('/proc/self/status', 'utf8')))?.[1] ?? '?'} kB`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
