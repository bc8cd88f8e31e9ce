import { describe, expect, it } from 'vitest';
import type { DatasetSplit } from '@core/datasets/dataset';
import { probeIndices, runTrainSplit, stratifiedSubset } from '@core/training/loop/train-subset';

/** 950 labels with unequal classes: class c has 50 + 10c samples, interleaved. */
function unevenLabels(): Uint8Array {
  const labels: number[] = [];
  for (let c = 0; c < 10; c++) for (let k = 0; k < 50 + 10 * c; k++) labels.push(c);
  // Interleave deterministically so classes are not in blocks.
  return Uint8Array.from(
    labels
      .map((label, i) => ({ label, key: (i * 7919) % labels.length }))
      .sort((a, b) => a.key - b.key)
      .map((e) => e.label),
  );
}

const counts = (labels: ArrayLike<number>): number[] => {
  const out = new Array<number>(10).fill(0);
  for (let i = 0; i < labels.length; i++) out[labels[i]]++;
  return out;
};

describe('stratifiedSubset', () => {
  const labels = unevenLabels();
  const total = labels.length;

  it('takes each class in proportion to its share, rounding so the sizes add up', () => {
    const full = counts(labels);
    for (const size of [100, 333, 949]) {
      const subset = stratifiedSubset(labels, size, 1);
      expect(subset.length).toBe(size);
      const got = counts(Array.from(subset, (i) => labels[i]));
      got.forEach((n, c) => expect(Math.abs(n - (size * full[c]) / total)).toBeLessThan(1));
    }
  });

  it('is deterministic in the seed, differs between seeds, and never repeats a sample', () => {
    const a = stratifiedSubset(labels, 200, 1);
    expect(stratifiedSubset(labels, 200, 1)).toEqual(a);
    expect(stratifiedSubset(labels, 200, 2)).not.toEqual(a);
    expect(new Set(a).size).toBe(200);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
  });

  it('refuses a size larger than the split with a clear error', () => {
    const split: DatasetSplit = { count: total, labels, images: new Uint8Array(total * 784) };
    expect(() => runTrainSplit(split, total + 1, 1)).toThrow(`trainSize ${total + 1} exceeds the ${total} samples of the dataset's training split`);
    expect(runTrainSplit(split, undefined, 1)).toBe(split);
    const subset = runTrainSplit(split, 300, 1);
    expect(subset.count).toBe(300);
    expect(subset.images.length).toBe(300 * 784);
  });

  it('draws the probe batch from its own stream', () => {
    expect(probeIndices(1000, 256, 1)).toEqual(probeIndices(1000, 256, 1));
    expect(probeIndices(1000, 256, 1)).not.toEqual(probeIndices(1000, 256, 2));
    expect(probeIndices(100, 256, 1).length).toBe(100);
  });
});
