/**
 * The maths of `LossLabOutputLoss` (output-loss-kernel.ts) on plain arrays: the output layer's activation,
 * the loss (Keras semantics, as losses.ts), the correct count, and the gradient of the loss with respect to
 * the output layer's pre-activation z. Each step follows tfjs's own ops and gradients (clipping included),
 * so the results agree with tf's autodiff of losses.ts to float32 rounding.
 */

export const OUTPUT_LOSS_ACTIVATIONS = ['linear', 'tanh', 'sigmoid', 'softmax'] as const;
export type OutputLossActivation = (typeof OUTPUT_LOSS_ACTIVATIONS)[number];
export const OUTPUT_LOSSES = ['mse', 'categoricalCrossentropy'] as const;
export type OutputLoss = (typeof OUTPUT_LOSSES)[number];

/** Keras's clipping constant (losses.ts). */
const EPSILON = 1e-7;

/** p = activation(z) for one row of `width` values starting at `o`. */
function activate(z: Float32Array, p: Float64Array, o: number, width: number, activation: OutputLossActivation): void {
  if (activation === 'softmax') {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, z[o + k]);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += p[k] = Math.exp(z[o + k] - max);
    for (let k = 0; k < width; k++) p[k] = Math.fround(p[k] / sum);
    return;
  }
  for (let k = 0; k < width; k++) {
    const v = z[o + k];
    p[k] = Math.fround(activation === 'tanh' ? Math.tanh(v) : activation === 'sigmoid' ? 1 / (1 + Math.exp(-v)) : v);
  }
}

/** dL/dz from dL/dp for one row, through the activation (written as tf's activation gradients are). */
function throughActivation(p: Float64Array, dp: Float64Array, width: number, activation: OutputLossActivation): void {
  if (activation === 'softmax') {
    let dot = 0;
    for (let k = 0; k < width; k++) dot += dp[k] * p[k];
    for (let k = 0; k < width; k++) dp[k] = p[k] * (dp[k] - dot);
  } else if (activation === 'tanh') {
    for (let k = 0; k < width; k++) dp[k] *= 1 - p[k] * p[k];
  } else if (activation === 'sigmoid') {
    for (let k = 0; k < width; k++) dp[k] *= p[k] * (1 - p[k]);
  }
}

export interface OutputLossResult {
  /** Mean loss over the batch. */
  loss: number;
  /** Rows whose argmax output (first maximum) equals the label. */
  correct: number;
}

/**
 * Loss and correct count of z [rows, width] against targets y and labels; when `dz` is given, also writes
 * dL/dz · `scale` into it (`scale`: the upstream gradient of the loss, 1 in training).
 */
export function outputLoss(
  z: Float32Array,
  y: Float32Array,
  labels: Int32Array,
  width: number,
  activation: OutputLossActivation,
  loss: OutputLoss,
  dz: Float32Array | null,
  scale = 1,
): OutputLossResult {
  const rows = labels.length;
  const p = new Float64Array(width);
  const dp = new Float64Array(width);
  let total = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    activate(z, p, o, width, activation);
    let best = 0;
    for (let k = 1; k < width; k++) if (p[k] > p[best]) best = k;
    if (best === labels[r]) correct++;
    if (loss === 'mse') {
      for (let k = 0; k < width; k++) {
        const d = p[k] - y[o + k];
        total += d * d;
        dp[k] = (2 * d) / (rows * width);
      }
    } else {
      // n = p / Σp, clipped to [ε, 1−ε]; the clip's gradient is 0 outside (tf's clipByValue gradient).
      let sum = 0;
      for (let k = 0; k < width; k++) sum += p[k];
      let weighted = 0;
      for (let k = 0; k < width; k++) {
        const n = Math.fround(p[k] / sum);
        const inside = n >= EPSILON && n <= 1 - EPSILON;
        const clipped = Math.min(Math.max(n, EPSILON), 1 - EPSILON);
        total -= y[o + k] * Math.log(clipped);
        const dn = inside ? -y[o + k] / clipped / rows : 0;
        dp[k] = dn / sum;
        weighted += dn * p[k];
      }
      for (let k = 0; k < width; k++) dp[k] -= weighted / (sum * sum);
    }
    if (dz === null) continue;
    throughActivation(p, dp, width, activation);
    for (let k = 0; k < width; k++) dz[o + k] = dp[k] * scale;
  }
  return { loss: loss === 'mse' ? total / (rows * width) : total / rows, correct };
}
