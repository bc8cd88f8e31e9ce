import type { ModelConfig } from './model-config';

/** What each config field is called on screen: the Experiment form and the study factor picker say the same. */
export const FIELD_TITLES: Readonly<Record<keyof ModelConfig, string>> = {
  hiddenUnits: 'Hidden layers (units)',
  hiddenActivation: 'Hidden activation',
  outputActivation: 'Output activation',
  loss: 'Loss',
  targetEncoding: 'Target encoding',
  outputRescale: 'Output rescale',
  optimizer: 'Optimizer',
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  epochs: 'Epochs',
  validationSplit: 'Validation split (0–0.5)',
  seed: 'Seed',
  initializer: 'Initializer',
  trainSize: 'Training-set size (samples)',
};
