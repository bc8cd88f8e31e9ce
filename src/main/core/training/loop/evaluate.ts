/** Loss, accuracy and the full test evaluation, computed in chunks so memory stays bounded. */
import * as tf from '@tensorflow/tfjs';
import type { ClassMetrics, Evaluation, Misclassified } from '../../../../shared/run-types';
import type { OutputRescale } from '../../../../shared/model-config';
import { rowsOf } from '../kernels/rows-kernel';
import { rescaleOutput, type LossFn } from '../model/losses';
import type { SplitTensors } from './training-data';

/**
 * Rows a forward pass handles at once: a whole 10,000-image test split (~20 MB of activations at 512 hidden
 * units), which then needs no copy of its rows; fewer chunks, fewer ~20 µs kernel dispatches.
 */
const CHUNK = 10_000;
/** Misclassified digits kept in an evaluation (the count covers all). */
export const MISCLASSIFIED_LIMIT = 500;

/** A forward pass in inference mode: the outputs for a chunk of rows. */
/** Number of rows whose argmax output equals the label, as a float32 scalar. */
export function countCorrect(outputs: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(outputs, 1), labels), 'float32'));
}

export type Forward = (x: tf.Tensor2D) => tf.Tensor2D;

/** The tfjs Layers model's own forward pass. */
export const modelForward =
  (model: tf.LayersModel): Forward =>
  (x) =>
    model.apply(x) as tf.Tensor2D;

/**
 * Mean loss and accuracy over a split. Training measures each epoch with its own forward pass (Loss Lab's
 * kernels where they exist: `stepForward` in train-step.ts), the final evaluation with the model's.
 */
export function measure(forward: Forward, lossFn: LossFn, split: SplitTensors): { loss: number; accuracy: number } {
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < split.count; start += CHUNK) {
    const size = Math.min(CHUNK, split.count - start);
    const sums = tf.tidy(() => {
      // rowsOf, not slice: tfjs's WASM slice copies the whole split out of the heap for every chunk.
      const x = rowsOf(split.x, start, size);
      const outputs = forward(x);
      const loss = tf.mul(lossFn(rowsOf(split.y, start, size), outputs), size);
      return tf.stack([loss, countCorrect(outputs, rowsOf(split.labels, start, size))]);
    });
    const [l, c] = sums.dataSync();
    sums.dispose();
    lossSum += l;
    correct += c;
  }
  return { loss: lossSum / split.count, accuracy: correct / split.count };
}

/** Outputs after the rescale, [count × 10] row-major. */
export function predictAll(model: tf.LayersModel, x: tf.Tensor2D, rescale: OutputRescale): Float32Array {
  const count = x.shape[0];
  const all = new Float32Array(count * 10);
  for (let start = 0; start < count; start += CHUNK) {
    const size = Math.min(CHUNK, count - start);
    const outputs = tf.tidy(() => model.apply(rowsOf(x, start, size)) as tf.Tensor2D);
    all.set(outputs.dataSync(), start * 10);
    outputs.dispose();
  }
  if (rescale !== 'none') for (let i = 0; i < all.length; i++) all[i] = rescaleOutput(all[i], rescale);
  return all;
}

function argmax(values: Float32Array, offset: number): number {
  let best = 0;
  for (let k = 1; k < 10; k++) if (values[offset + k] > values[offset + best]) best = k;
  return best;
}

function classMetrics(confusion: number[][]): ClassMetrics[] {
  return confusion.map((row, label) => {
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, r) => sum + r[label], 0);
    const hits = row[label];
    const precision = predicted > 0 ? hits / predicted : 0;
    const recall = support > 0 ? hits / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
}

/** The final evaluation on the test split; labels are the split's raw labels (0..9). */
export function evaluateTest(model: tf.LayersModel, lossFn: LossFn, test: SplitTensors, labels: Uint8Array, rescale: OutputRescale): Evaluation {
  const { loss } = measure(modelForward(model), lossFn, test);
  const outputs = predictAll(model, test.x, rescale);
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  const misclassified: Misclassified[] = [];
  let wrong = 0;
  for (let i = 0; i < test.count; i++) {
    const predicted = argmax(outputs, i * 10);
    confusion[labels[i]][predicted]++;
    if (predicted === labels[i]) continue;
    wrong++;
    if (misclassified.length < MISCLASSIFIED_LIMIT) {
      misclassified.push({ index: i, trueLabel: labels[i], predictedLabel: predicted, probabilities: Array.from(outputs.subarray(i * 10, i * 10 + 10)) });
    }
  }
  return {
    testLoss: loss,
    testAccuracy: test.count > 0 ? (test.count - wrong) / test.count : 0,
    testSize: test.count,
    confusion,
    perClass: classMetrics(confusion),
    misclassified,
    misclassifiedCount: wrong,
  };
}
