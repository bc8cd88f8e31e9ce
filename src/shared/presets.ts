import type { ModelConfig } from './model-config';

export interface Preset {
  id: string;
  name: string;
  /** One sentence saying what the preset reproduces or isolates. */
  description: string;
  config: ModelConfig;
}

/** Keras defaults the seed article relied on: glorot-uniform weights, zero biases, Adam 1e-3, batch 32, 10 epochs. */
const kerasDefaults = {
  hiddenUnits: [128],
  targetEncoding: 'oneHot01',
  outputRescale: 'none',
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 32,
  epochs: 10,
  validationSplit: 0.1,
  seed: 1,
  initializer: 'glorotUniform',
} as const satisfies Partial<ModelConfig>;

export const PRESETS: readonly Preset[] = [
  {
    id: 'example-1',
    name: 'Example 1: tanh + MSE',
    description: 'Dense(128, tanh) → Dense(10, tanh), mean squared error against 0/1 one-hot targets.',
    config: { ...kerasDefaults, hiddenUnits: [128], hiddenActivation: 'tanh', outputActivation: 'tanh', loss: 'mse' },
  },
  {
    id: 'example-2',
    name: 'Example 2: tanh + MSE, outputs rescaled',
    description: 'Example 1 with outputs mapped by (p + 1) / 2 before argmax, as the article suggests.',
    config: {
      ...kerasDefaults,
      hiddenUnits: [128],
      hiddenActivation: 'tanh',
      outputActivation: 'tanh',
      loss: 'mse',
      outputRescale: 'tanhToUnit',
    },
  },
  {
    id: 'example-3',
    name: 'Example 3: relu + softmax + cross-entropy',
    description: 'Dense(128, relu) → Dense(10, softmax), categorical cross-entropy: the usual baseline.',
    config: {
      ...kerasDefaults,
      hiddenUnits: [128],
      hiddenActivation: 'relu',
      outputActivation: 'softmax',
      loss: 'categoricalCrossentropy',
    },
  },
  {
    id: 'relu-tanh-mse',
    name: 'relu hidden, tanh + MSE output',
    description: 'Example 1 with a relu hidden layer: isolates the hidden activation from the loss.',
    config: { ...kerasDefaults, hiddenUnits: [128], hiddenActivation: 'relu', outputActivation: 'tanh', loss: 'mse' },
  },
  {
    id: 'tanh-softmax-ce',
    name: 'tanh hidden, softmax + cross-entropy',
    description: 'Example 3 with a tanh hidden layer: isolates the loss and output from the hidden activation.',
    config: {
      ...kerasDefaults,
      hiddenUnits: [128],
      hiddenActivation: 'tanh',
      outputActivation: 'softmax',
      loss: 'categoricalCrossentropy',
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
