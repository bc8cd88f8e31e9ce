import { describe, expect, it } from 'vitest';
import { datasetLabel } from '@renderer/datasets/dataset-label';

describe('datasetLabel', () => {
  it('adds the split sizes to a name that lacks them', () => {
    expect(datasetLabel({ name: 'fashion-mnist', trainSize: 60000, testSize: 10000 })).toBe('fashion-mnist (60,000 train / 10,000 test)');
  });

  it('keeps the built-in names, which already state their sizes', () => {
    expect(datasetLabel({ name: "MNIST — 60,000 train / 10,000 test, the article's data", trainSize: 60000, testSize: 10000 })).toBe(
      "MNIST — 60,000 train / 10,000 test, the article's data",
    );
    expect(datasetLabel({ name: 'MNIST sample, 8,000 / 2,000: quick runs', trainSize: 8000, testSize: 2000 })).toBe('MNIST sample, 8,000 / 2,000: quick runs');
  });
});
