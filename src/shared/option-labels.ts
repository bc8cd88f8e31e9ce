/**
 * What the enum values of a model config are called on screen and in messages, so the form's selects, the
 * tables and the core's validation messages use the same words ("categorical cross-entropy", not the key).
 */
const LABELS: Readonly<Record<string, string>> = {
  mse: 'MSE',
  categoricalCrossentropy: 'categorical cross-entropy',
  binaryCrossentropy: 'binary cross-entropy',
  meanAbsoluteError: 'mean absolute error',
  hinge: 'hinge',
  oneHot01: '0/1 one-hot',
  oneHotPlusMinus1: '−1/+1 one-hot',
  none: 'none',
  tanhToUnit: '(p + 1) / 2',
  momentum: 'SGD + momentum 0.9',
};

export function optionLabel(value: string | number): string {
  return LABELS[String(value)] ?? String(value);
}
