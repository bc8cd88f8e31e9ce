/**
 * A Dense layer (activation(x·W + b)) as one TensorFlow.js op with a hand-written gradient.
 *
 * Why: tfjs differentiates x·W with matMul(x, dy, transposeA) and matMul(dy, W, transposeB). On the WASM
 * backend those transposed products run ~10× slower than a plain matMul (bench/profile/step-profile.ts:
 * 3.4 vs 44 GFLOP/s at [128,784]·[784,128]) and took 65–92 % of a training step. This gradient transposes
 * first and then multiplies plainly, and skips the input gradient when the input is data, not a layer.
 * Same maths as tf's own gradient: only the order of the floating-point sums may differ.
 */
import * as tf from '@tensorflow/tfjs';

/** Activations fused into the op, with their derivative written in terms of the op's output y. */
export const DENSE_OP_ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid'] as const;
export type DenseOpActivation = (typeof DENSE_OP_ACTIVATIONS)[number];

export function isDenseOpActivation(name: string): name is DenseOpActivation {
  return (DENSE_OP_ACTIVATIONS as readonly string[]).includes(name);
}

function forward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: DenseOpActivation): tf.Tensor2D {
  // Under a gradient tape tf.fused.matMul only fuses the bias ('linear'); with an activation it falls back to
  // matMul + add + activation. So fuse the bias and apply the activation after: two kernels, not three.
  const z = tf.fused.matMul({ a: x, b: w, bias: b }) as tf.Tensor2D;
  switch (activation) {
    case 'linear':
      return z;
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
  }
}

/** dL/dz from dL/dy, where y = activation(z); written as tf's own activation gradients do. */
function throughActivation(dy: tf.Tensor2D, y: tf.Tensor2D, activation: DenseOpActivation): tf.Tensor2D {
  switch (activation) {
    case 'linear':
      return dy;
    case 'relu':
      return tf.mul(dy, tf.step(y));
    case 'tanh':
      return tf.mul(tf.sub(1, tf.square(y)), dy);
    case 'sigmoid':
      return tf.mul(dy, tf.mul(y, tf.sub(1, y)));
  }
}

/** Kernel and bias gradients; `dz` is dL/dz, [batch, units]. Transposes, then a plain matMul. */
function paramGrads(x: tf.Tensor2D, dz: tf.Tensor2D): [tf.Tensor2D, tf.Tensor1D] {
  return [tf.matMul(tf.transpose(x), dz), tf.sum(dz, 0)];
}

/**
 * activation(x·W + b) for x [batch, in], W [in, units], b [units]. With `inputGradient` false (the first
 * layer, whose input is the data) no gradient flows to x, which saves the largest product of the backward pass.
 */
export function denseOp(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: DenseOpActivation, inputGradient: boolean): tf.Tensor2D {
  // customGrad passes its inputs, then the save function, as one untyped argument list.
  type Args = (tf.Tensor | tf.GradSaveFunc)[];
  if (!inputGradient) {
    const op = tf.customGrad<tf.Tensor2D>((...args: Args) => {
      const [wIn, bIn, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
      const y = forward(x, wIn, bIn, activation);
      save([y]);
      return { value: y, gradFunc: (dy, saved) => paramGrads(x, throughActivation(dy, saved[0] as tf.Tensor2D, activation)) };
    });
    return op(w, b);
  }
  const op = tf.customGrad<tf.Tensor2D>((...args: Args) => {
    const [xIn, wIn, bIn, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const y = forward(xIn, wIn, bIn, activation);
    save([xIn, wIn, y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [xs, ws, ys] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const dz = throughActivation(dy, ys, activation);
        return [tf.matMul(dz, tf.transpose(ws)), ...paramGrads(xs, dz)];
      },
    };
  });
  return op(x, w, b);
}
