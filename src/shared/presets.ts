import type { ModelConfig } from './model-config';

export interface Preset {
  id: string;
  name: string;
  /** What the preset reproduces or isolates; the seed article's presets quote its Keras code. */
  description: string;
  /** The dataset the preset was written for (a person may still choose another). */
  datasetId: string;
  config: ModelConfig;
}

/** The article's data: the full MNIST, `mnist.load_data()` (60,000 train / 10,000 test). */
export const PRESET_DATASET_ID = 'mnist';

/**
 * Keras defaults the seed article relied on: glorot-uniform weights, zero biases, Adam 1e-3, batch 32,
 * 10 epochs, and no validation split (`model.fit(x_train, y_train, epochs=10)`; curves use the test split).
 */
const kerasDefaults = {
  hiddenUnits: [128],
  targetEncoding: 'oneHot01',
  outputRescale: 'none',
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 32,
  epochs: 10,
  validationSplit: 0,
  seed: 1,
  initializer: 'glorotUniform',
} as const satisfies Partial<ModelConfig>;

export const PRESETS: readonly Preset[] = [
  {
    id: 'example-1',
    name: 'Example 1: tanh + MSE',
    description:
      "Dense(128, tanh) → Dense(10, tanh), mean squared error against 0/1 one-hot targets. The article: Dense(128, activation='tanh'), Dense(10, activation='tanh'); model.compile(optimizer='adam', loss='mean_squared_error'); model.fit(x_train, y_train, epochs=10).",
    datasetId: PRESET_DATASET_ID,
    config: { ...kerasDefaults, hiddenUnits: [128], hiddenActivation: 'tanh', outputActivation: 'tanh', loss: 'mse' },
  },
  {
    id: 'example-2',
    name: 'Example 2: tanh + MSE, outputs rescaled',
    description:
      "Example 1 with outputs mapped by (p + 1) / 2 before argmax, as the article suggests: predictions = (model.predict(x_test) + 1) / 2 after the same Dense(128, 'tanh') → Dense(10, 'tanh'), loss='mean_squared_error', model.fit(x_train, y_train, epochs=10).",
    datasetId: PRESET_DATASET_ID,
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
    description:
      "Dense(128, relu) → Dense(10, softmax), categorical cross-entropy: the usual baseline. The article: Dense(128, activation='relu'), Dense(10, activation='softmax'); model.compile(optimizer='adam', loss='categorical_crossentropy'); model.fit(x_train, y_train, epochs=10).",
    datasetId: PRESET_DATASET_ID,
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
    description:
      "Example 1 with a relu hidden layer: isolates the hidden activation from the loss. Dense(128, activation='relu'), Dense(10, activation='tanh'), loss='mean_squared_error', model.fit(x_train, y_train, epochs=10).",
    datasetId: PRESET_DATASET_ID,
    config: { ...kerasDefaults, hiddenUnits: [128], hiddenActivation: 'relu', outputActivation: 'tanh', loss: 'mse' },
  },
  {
    id: 'tanh-softmax-ce',
    name: 'tanh hidden, softmax + cross-entropy',
    description:
      "Example 3 with a tanh hidden layer: isolates the loss and output from the hidden activation. Dense(128, activation='tanh'), Dense(10, activation='softmax'), loss='categorical_crossentropy', model.fit(x_train, y_train, epochs=10).",
    datasetId: PRESET_DATASET_ID,
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
