/**
 * `npx tsx bench/profile/test-eval.ts [backend] [batch...]`: what the per-epoch test evaluation (10,000 images,
 * `measure` as train-run.ts calls it) costs against one training epoch on full MNIST's 60,000 images.
 * Each model trains one epoch, then its test split is measured, in the same process; prints the share.
 */
import * as tf from '@tensorflow/tfjs';
import { activeBackend, initBackend } from '../../src/main/core/training/backend/backend';
import { measure } from '../../src/main/core/training/loop/evaluate';
import { epochOrder } from '../../src/main/core/random';
import { trainEpoch } from '../../src/main/core/training/loop/train-epoch';
import { createStepContext, stepForward } from '../../src/main/core/training/loop/train-step';
import { trainRows } from '../../src/main/core/training/loop/train-batches';
import { disposeSplit, splitTensors } from '../../src/main/core/training/loop/training-data';
import type { BackendName } from '../../src/shared/run-types';
import { findPreset } from '../../src/shared/presets';
import { loadFullMnist } from '../lib/full-mnist';
import { load1 } from '../lib/stats';
import { markdownTable, type Cell } from '../lib/table';

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as BackendName;
  const batches = process.argv.slice(3).map(Number);
  await initBackend(backend);
  if (activeBackend() !== backend) throw new Error(`${backend} does not load here`);
  const { train, test } = await loadFullMnist();
  const rows: Cell[][] = [];
  for (const preset of ['example-1', 'example-3']) {
    for (const batch of batches.length > 0 ? batches : [32, 128]) {
      const found = findPreset(preset);
      if (!found) throw new Error(`no preset ${preset}`);
      const config = { ...found.config, batchSize: batch };
      const ctx = createStepContext(config);
      const data = trainRows(train, config.targetEncoding);
      const testSplit = splitTensors(test, config.targetEncoding);
      const loadBefore = load1();
      const epoch = trainEpoch(ctx, data, epochOrder(data.count, 1, 1), batch, { shouldStop: () => false, onProgress: () => {} });
      if (epoch.kind !== 'completed') throw new Error(`epoch ended ${epoch.kind}`);
      const started = performance.now();
      const result = measure(stepForward(ctx), ctx.loss, testSplit);
      const evalSeconds = (performance.now() - started) / 1000;
      rows.push([
        preset,
        batch,
        `${epoch.seconds.toFixed(2)} s`,
        `${evalSeconds.toFixed(3)} s`,
        `${((100 * evalSeconds) / epoch.seconds).toFixed(1)} %`,
        result.accuracy.toFixed(4),
        `${loadBefore}–${load1()}`,
      ]);
      console.error(`[test-eval] ${preset} batch ${batch}: epoch ${epoch.seconds.toFixed(2)} s, test evaluation ${evalSeconds.toFixed(3)} s`);
      disposeSplit(testSplit);
      ctx.optimizer.dispose();
      ctx.model.dispose();
    }
  }
  console.log(
    `backend ${backend}, ${tf.version.tfjs}: one epoch on ${train.count.toLocaleString('en-US')} images, then the test evaluation of ${test.count.toLocaleString('en-US')}\n`,
  );
  console.log(markdownTable(['model', 'batch', 'train epoch', 'test evaluation', 'share of the epoch', 'test accuracy', 'load (1 min)'], rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
