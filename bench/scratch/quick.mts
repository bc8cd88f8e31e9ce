import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/main/core/training/backend';
import { buildEmbeddedDataset } from '../../src/main/core/datasets/embedded';
import { createLabSession } from '../../bench/lib/lab-session';
import { findPreset } from '../../src/shared/presets';
const be = process.argv[2] as 'wasm' | 'cpu';
await initBackend(be);
const ds = buildEmbeddedDataset();
for (const p of ['example-1', 'example-3']) for (const b of [32, 128]) {
  const s = createLabSession({ ...findPreset(p)!.config, batchSize: b }, ds.train);
  const r = [s.epoch(), s.epoch()];
  console.log(tf.getBackend(), p, b, r.map((e) => Math.round(e.samplesPerSecond)), r[1].meanLoss.toFixed(4), r[1].accuracy);
  s.dispose();
}
