import { initBackend } from '../../src/main/core/training/backend';
import { buildEmbeddedDataset } from '../../src/main/core/datasets/embedded';
import { findPreset } from '../../src/shared/presets';
import { createLabSession } from '../lib/lab-session';
await initBackend('wasm');
const ds = buildEmbeddedDataset();
const preset = process.argv[2] ?? 'example-3';
const batch = Number(process.argv[3] ?? 128);
const s = createLabSession({ ...findPreset(preset)!.config, batchSize: batch }, ds.train);
s.epoch();
for (let i = 0; i < 3; i++) { const e = s.epoch(); console.log(preset, batch, Math.round(e.samplesPerSecond), 'samples/s', (e.seconds / (8000 / batch) * 1000).toFixed(2), 'ms/step'); }
