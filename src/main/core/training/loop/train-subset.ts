/** Subsets of a training split: the seeded, class-stratified training subset (`trainSize`) and the probe batch. */
import { CLASS_COUNT, type DatasetSplit, IMAGE_SIZE } from '../../datasets/dataset';
import { seededPermutation, streamSeed } from '../../random';

/**
 * Indices (ascending) of `size` samples of `labels`, stratified: class c gets floor(size × n_c / N) samples,
 * and the samples left over go to the classes with the largest remainders (ties: lower class first). Within
 * class c the samples are the first ones of a permutation from the run's stream `train-subset/class-<c>`.
 * Throws RangeError if size > N.
 */
export function stratifiedSubset(labels: Uint8Array, size: number, runSeed: number): Int32Array {
  const total = labels.length;
  if (!Number.isInteger(size) || size < 1 || size > total) {
    throw new RangeError(`trainSize ${size} must be a whole number from 1 to the training split's ${total} samples`);
  }
  const byClass = Array.from({ length: CLASS_COUNT }, () => [] as number[]);
  labels.forEach((label, i) => byClass[label].push(i));
  const exact = byClass.map((members) => (size * members.length) / total);
  const quota = exact.map(Math.floor);
  const leftover = size - quota.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, c) => ({ c, rest: value - quota[c] })).sort((a, b) => b.rest - a.rest || a.c - b.c);
  for (let k = 0; k < leftover; k++) quota[byRemainder[k].c]++;

  const chosen: number[] = [];
  byClass.forEach((members, c) => {
    const order = seededPermutation(members.length, streamSeed(runSeed, `train-subset/class-${c}`));
    for (let k = 0; k < quota[c]; k++) chosen.push(members[order[k]]);
  });
  return Int32Array.from(chosen.sort((a, b) => a - b));
}

/** Copies the samples `indices` of `split` into a new split, in that order. */
export function gatherSplit(split: DatasetSplit, indices: Int32Array): DatasetSplit {
  const images = new Uint8Array(indices.length * IMAGE_SIZE);
  const labels = new Uint8Array(indices.length);
  indices.forEach((source, target) => {
    images.set(split.images.subarray(source * IMAGE_SIZE, (source + 1) * IMAGE_SIZE), target * IMAGE_SIZE);
    labels[target] = split.labels[source];
  });
  return { count: indices.length, images, labels };
}

/** The run's training split: all of `split`, or its stratified subset of `trainSize` drawn from the run's seed. */
export function runTrainSplit(split: DatasetSplit, trainSize: number | undefined, runSeed: number): DatasetSplit {
  if (trainSize === undefined) return split;
  if (trainSize > split.count) {
    throw new RangeError(`trainSize ${trainSize} exceeds the ${split.count} samples of the dataset's training split: choose at most ${split.count}`);
  }
  return gatherSplit(split, stratifiedSubset(split.labels, trainSize, runSeed));
}

/** Indices of the probe batch: `size` of the first `count` rows, drawn from the run's own probe stream. */
export function probeIndices(count: number, size: number, runSeed: number): Int32Array {
  return seededPermutation(count, streamSeed(runSeed, 'probe')).slice(0, Math.min(size, count));
}
