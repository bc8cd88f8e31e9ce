import { z } from 'zod';
import { optionLabel } from './option-labels';

/** Activations a hidden Dense layer may use. */
export const HIDDEN_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'elu', 'selu'] as const;
/** Activations the 10-unit output layer may use. */
export const OUTPUT_ACTIVATIONS = ['softmax', 'tanh', 'sigmoid', 'linear'] as const;
export const LOSSES = ['mse', 'categoricalCrossentropy', 'binaryCrossentropy', 'meanAbsoluteError', 'hinge'] as const;
/** How a label becomes a 10-vector: 0/1 one-hot, or −1/+1 one-hot (the natural range of tanh). */
export const TARGET_ENCODINGS = ['oneHot01', 'oneHotPlusMinus1'] as const;
/** `momentum` is SGD with momentum 0.9. */
export const OPTIMIZERS = ['adam', 'sgd', 'momentum', 'rmsprop'] as const;
export const INITIALIZERS = ['glorotUniform', 'glorotNormal', 'heUniform', 'heNormal', 'leCunUniform', 'leCunNormal'] as const;
/**
 * What is done to the output before argmax. `tanhToUnit` maps p to (p + 1) / 2, as the seed article's
 * Example 2 does; being monotonic it cannot change any prediction, which the studies demonstrate.
 */
export const OUTPUT_RESCALES = ['none', 'tanhToUnit'] as const;

export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];
export type LossName = (typeof LOSSES)[number];
export type TargetEncoding = (typeof TARGET_ENCODINGS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type InitializerName = (typeof INITIALIZERS)[number];
export type OutputRescale = (typeof OUTPUT_RESCALES)[number];

const modelConfigShape = z.object({
  /** Units of each hidden Dense layer, input side first: 1–4 layers of 1–1024 units. */
  hiddenUnits: z
    .array(z.number().int('units must be a whole number').min(1, 'a layer needs at least 1 unit').max(1024, 'at most 1024 units a layer'))
    .min(1, 'at least one hidden layer')
    .max(4, 'at most 4 hidden layers'),
  hiddenActivation: z.enum(HIDDEN_ACTIVATIONS),
  outputActivation: z.enum(OUTPUT_ACTIVATIONS),
  loss: z.enum(LOSSES),
  targetEncoding: z.enum(TARGET_ENCODINGS),
  outputRescale: z.enum(OUTPUT_RESCALES),
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().gt(0, 'learning rate must be above 0').max(10, 'learning rate above 10 always diverges'),
  /** Samples per gradient step. */
  batchSize: z.number().int('batch size must be a whole number').min(1, 'batch size must be from 1 to 8192').max(8192, 'batch size must be from 1 to 8192'),
  epochs: z.number().int('epochs must be a whole number').min(1, 'train at least 1 epoch').max(200, 'at most 200 epochs'),
  /** Fraction of the training split held out for validation, taken from its end (as Keras does). */
  validationSplit: z.number().min(0, 'validation split must be from 0 to 0.5').max(0.5, 'validation split must be from 0 to 0.5'),
  seed: z
    .number()
    .int('the seed must be a whole number')
    .min(0, 'the seed must be 0 or more')
    .max(2 ** 31 - 1, 'the seed must be below 2³¹'),
  initializer: z.enum(INITIALIZERS),
  /**
   * Training samples to use: a seeded, class-stratified subset of the training split (the test split is
   * unchanged). Absent: the whole training split. Lets a study ask how an answer depends on data size.
   */
  trainSize: z
    .number()
    .int('the training-set size must be a whole number')
    .min(100, 'a training set needs at least 100 samples')
    .max(10_000_000, 'at most 10,000,000 training samples')
    .optional(),
});

/** Why a combination cannot train, or null when it can. Shared by the schema and the form's inline messages. */
export function incompatibility(c: z.infer<typeof modelConfigShape>): { field: string; message: string } | null {
  const crossEntropy = c.loss === 'categoricalCrossentropy' || c.loss === 'binaryCrossentropy';
  if (crossEntropy && (c.outputActivation === 'tanh' || c.outputActivation === 'linear')) {
    return {
      field: 'loss',
      message: `${optionLabel(c.loss)} takes the log of the outputs, but ${c.outputActivation} outputs can be negative, where log is undefined: use softmax (or sigmoid) outputs, or the MSE loss`,
    };
  }
  if (crossEntropy && c.targetEncoding === 'oneHotPlusMinus1') {
    return {
      field: 'targetEncoding',
      message: 'cross-entropy needs targets that are probabilities (0/1 one-hot), not −1/+1',
    };
  }
  if (c.outputRescale === 'tanhToUnit' && c.outputActivation !== 'tanh') {
    return {
      field: 'outputRescale',
      message: 'the (p + 1) / 2 rescale maps tanh outputs (−1..1) to 0..1; it only applies to tanh outputs',
    };
  }
  return null;
}

export const modelConfigSchema = modelConfigShape.superRefine((c, ctx) => {
  const problem = incompatibility(c);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
});

/** A network and how to train it. Plain data: crosses process boundaries and is stored as JSON. */
export type ModelConfig = z.infer<typeof modelConfigShape>;
