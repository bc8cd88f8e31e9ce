/** Test helpers: tiny synthetic datasets, configs and callback recorders for the training tests. */
import type { Dataset, DatasetSplit } from '../../src/main/core/datasets/dataset';
import { createRandom } from '../../src/main/core/random';
import type { ModelConfig } from '../../src/shared/model-config';
import type { BatchProgress, EpochMetrics } from '../../src/shared/run-types';
import type { TrainingCallbacks } from '../../src/main/core/training/types';

/** Each class lights its own 2-row band of the 28×28 image, over uniform noise: learnable in one epoch. */
export function syntheticSplit(count: number, seed: number): DatasetSplit {
  const random = createRandom(seed);
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    labels[i] = label;
    for (let p = 0; p < 784; p++) {
      const row = Math.floor(p / 28);
      const band = row >= 4 + label * 2 && row < 6 + label * 2;
      images[i * 784 + p] = Math.floor((band ? 150 : 0) + random() * 100);
    }
  }
  return { images, labels, count };
}

export function syntheticDataset(trainCount = 600, testCount = 200): Dataset {
  return {
    info: {
      id: 'synthetic',
      name: 'synthetic bands',
      kind: 'idx',
      trainSize: trainCount,
      testSize: testCount,
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      source: 'test helper',
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    train: syntheticSplit(trainCount, 11),
    test: syntheticSplit(testCount, 12),
  };
}

/** A small, fast config (one hidden layer of 16) with any fields overridden. */
export function smallConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    hiddenUnits: [16],
    hiddenActivation: 'relu',
    outputActivation: 'softmax',
    loss: 'categoricalCrossentropy',
    targetEncoding: 'oneHot01',
    outputRescale: 'none',
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 32,
    epochs: 1,
    validationSplit: 0.1,
    seed: 7,
    initializer: 'glorotUniform',
    ...overrides,
  };
}

/** Callbacks that record everything they receive. */
export function recorder(runId = 1): TrainingCallbacks & { runId: number; epochs: EpochMetrics[]; batches: BatchProgress[]; backends: string[] } {
  const epochs: EpochMetrics[] = [];
  const batches: BatchProgress[] = [];
  const backends: string[] = [];
  return {
    runId,
    epochs,
    batches,
    backends,
    onStarted: (backend) => backends.push(backend),
    onBatch: (p) => batches.push(p),
    onEpoch: (m) => epochs.push(m),
  };
}

/** Epoch metrics without the wall-clock fields, for determinism comparisons. */
export function withoutTiming(epochs: EpochMetrics[]): Omit<EpochMetrics, 'seconds' | 'samplesPerSecond'>[] {
  return epochs.map(({ seconds: _s, samplesPerSecond: _r, ...rest }) => rest);
}
