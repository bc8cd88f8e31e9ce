/**
 * `npx tsx bench/profile/step-profile.ts [backend] [batch...]`: where one training step's time goes.
 * Prints (1) the matMul variants of PERF-NOTES as GFLOP/s, (2) the cost of a tiny op (dispatch), (3) the
 * kernels one Loss Lab step runs, from tf.profile, with their count and time, and (4) a step on a ready batch and
 * one that first builds its batch as the epoch loop does, so the data path is separated from the maths.
 */
import * as tf from '@tensorflow/tfjs';
import { buildEmbeddedDataset } from '../../src/main/core/datasets/embedded';
import { activeBackend, initBackend } from '../../src/main/core/training/backend/backend';
import { createStepContext, trainStep, type StepContext } from '../../src/main/core/training/loop/train-step';
import { batchTensors, trainRows } from '../../src/main/core/training/loop/train-batches';
import { splitTensors } from '../../src/main/core/training/loop/training-data';
import type { BackendName } from '../../src/shared/run-types';
import { findPreset } from '../../src/shared/presets';
import { markdownTable, type Cell } from '../lib/table';
import { load1, median } from '../lib/stats';

/** Median ms of `fn` over `reps` runs after `warm` runs; `fn`'s result is read back so the work is done. */
function timeOp(fn: () => tf.Tensor, reps = 60, warm = 10): number {
  const times: number[] = [];
  for (let i = 0; i < reps + warm; i++) {
    const start = performance.now();
    const out = fn();
    out.dataSync();
    out.dispose();
    if (i >= warm) times.push(performance.now() - start);
  }
  return median(times);
}

function matMulTable(batches: number[]): string {
  const rows: Cell[][] = [];
  for (const b of batches) {
    const x = tf.randomUniform([b, 784]);
    const w = tf.randomUniform([784, 128]);
    const dy = tf.randomUniform([b, 128]);
    const xT = tf.transpose(x);
    const flops = 2 * b * 784 * 128;
    const g = (ms: number): string => `${(flops / (ms * 1e6)).toFixed(1)} GFLOP/s (${ms.toFixed(3)} ms)`;
    rows.push([
      b,
      g(timeOp(() => tf.matMul(x, w))),
      g(timeOp(() => tf.matMul(x, dy, true, false))),
      g(timeOp(() => tf.matMul(dy, w, false, true))),
      g(timeOp(() => tf.matMul(tf.transpose(x), dy))),
      g(timeOp(() => tf.matMul(xT, dy))),
    ]);
    tf.dispose([x, w, dy, xT]);
  }
  return markdownTable(
    ['batch', 'x·W [B,784]·[784,128]', 'xᵀ·dy (transposeA)', 'dy·Wᵀ (transposeB)', 'transpose, then plain', 'plain on a pre-transposed x'],
    rows,
  );
}

function dispatchMs(): number {
  const a = tf.scalar(1);
  const reps = 2000;
  const start = performance.now();
  for (let i = 0; i < reps; i++) tf.add(a, a).dispose();
  a.dispose();
  return (performance.now() - start) / reps;
}

async function stepProfile(preset: string, batch: number): Promise<string> {
  const found = findPreset(preset);
  if (!found) throw new Error(`no preset ${preset}`);
  const config = { ...found.config, batchSize: batch };
  const data = splitTensors(buildEmbeddedDataset().train, config.targetEncoding, 0, 2048);
  const ctx: StepContext = createStepContext(config);
  const hostRows = trainRows(buildEmbeddedDataset().train, config.targetEncoding, 0, 2048);
  const order = Int32Array.from({ length: 2048 }, (_, j) => (j * 7) % 2048);
  const xb = data.x.slice([0, 0], [batch, -1]);
  const yb = data.y.slice([0, 0], [batch, -1]);
  const lb = data.labels.slice(0, batch);
  const step = (): void => tf.tidy(() => void trainStep(ctx, xb, yb, lb).loss.dataSync());
  for (let i = 0; i < 20; i++) step();
  const steps = 20;
  const info = await tf.profile(() => {
    for (let i = 0; i < steps; i++) step();
  });
  const byKernel = new Map<string, { count: number; ms: number }>();
  for (const k of info.kernels) {
    const entry = byKernel.get(k.name) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += k.kernelTimeMs as number;
    byKernel.set(k.name, entry);
  }
  const total = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
  // Whole step, unprofiled, and the same step fed by a gather of random rows as the epoch loop does.
  const plain: number[] = [];
  const gathered: number[] = [];
  for (let i = 0; i < 60; i++) {
    let start = performance.now();
    step();
    plain.push(performance.now() - start);
    start = performance.now();
    tf.tidy(() => {
      const b = batchTensors(hostRows, order, (i * batch) % (data.count - batch), ((i * batch) % (data.count - batch)) + batch);
      trainStep(ctx, b.x, b.y, b.labels).loss.dataSync();
    });
    gathered.push(performance.now() - start);
  }
  const rows: Cell[][] = [...byKernel.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, e]) => [name, e.count / steps, `${((e.ms / steps) * 1000).toFixed(0)} µs`, `${((100 * e.ms) / total).toFixed(1)} %`]);
  tf.dispose([xb, yb, lb, data.x, data.y, data.labels]);
  ctx.optimizer.dispose();
  ctx.model.dispose();
  const kernelsPerStep = info.kernels.length / steps;
  return [
    `${preset}, batch ${batch}: ${kernelsPerStep} kernels a step; kernel time ${((total / steps) * 1000).toFixed(0)} µs a step (profiled);`,
    `unprofiled step ${(median(plain) * 1000).toFixed(0)} µs (${Math.round(batch / (median(plain) / 1000))} samples/s), with its batch built by batchTensors ${(median(gathered) * 1000).toFixed(0)} µs`,
    '',
    markdownTable(['kernel', 'per step', 'time per step', 'share'], rows),
  ].join('\n');
}

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as BackendName;
  const batches = process.argv.slice(3).map(Number);
  await initBackend(backend);
  if (activeBackend() !== backend) throw new Error(`${backend} does not load here (active: ${tf.getBackend()})`);
  const bs = batches.length > 0 ? batches : [32, 128];
  console.log(`backend ${backend}, load ${load1()}\n`);
  console.log(matMulTable(bs));
  console.log(`\ntiny op (add of two scalars, incl. dispose): ${(dispatchMs() * 1000).toFixed(1)} µs\n`);
  for (const preset of ['example-1', 'example-3']) for (const b of bs) console.log(`${await stepProfile(preset, b)}\n`);
  console.log(`load ${load1()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
