import { initBackend } from './src/main/core/training/backend';
import { trainRun } from './src/main/core/training/train-run';
import { recorder, smallConfig, syntheticDataset } from './test/unit/core/training/helpers';
await initBackend('wasm');
const data = syntheticDataset();
for (const h of ['linear', 'tanh'] as const) for (const lr of [10, 1, 0.5, 0.3, 0.2, 0.1, 0.05]) {
  const r = recorder();
  const out = await trainRun(smallConfig({ optimizer: 'sgd', hiddenActivation: h, learningRate: lr, outputActivation: 'linear', loss: 'mse', epochs: 4 }), data, r, () => false);
  console.log(h, lr, out.status, out.error, r.epochs.map((e) => e.trainLoss.toPrecision(3)).join(' '));
}
