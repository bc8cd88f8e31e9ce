import { initBackend } from '../../src/main/core/training/backend';
import { buildEmbeddedDataset } from '../../src/main/core/datasets/embedded';
import { createLabSession } from '../../bench/lib/lab-session';
import { findPreset } from '../../src/shared/presets';
await initBackend('cpu');
const ds = buildEmbeddedDataset();
const s = createLabSession({ ...findPreset('example-3')!.config, batchSize: 32 }, ds.train);
console.log(s.epoch().samplesPerSecond);
