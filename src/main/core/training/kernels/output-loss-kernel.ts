/**
 * `LossLabOutputLoss`: the output layer's activation, the loss and the correct count in one tfjs kernel, with
 * a registered gradient that is one kernel too (`LossLabOutputLossGrad`). Replaces ~25 kernels per step
 * (softmax or tanh, the loss's element-wise ops, argMax/equal/cast/sum, and all their gradients), each paying
 * tfjs's ~20 µs dispatch. The maths is in output-loss-math.ts; the batch is [rows, 10], so plain JS on the
 * tensor's memory (the WASM heap, or the cpu backend's arrays) takes a few µs.
 *
 * Inputs: z [rows, width] (the output layer before its activation), y [rows, width] targets, labels [rows]
 * int32. Attributes: activation, loss. Outputs: mean loss and correct count, float32 scalars. Only z has a
 * gradient.
 */
import * as tf from '@tensorflow/tfjs';
import { OUTPUT_LOSS_ACTIVATIONS, OUTPUT_LOSSES, outputLoss, type OutputLoss, type OutputLossActivation } from './output-loss-math';
import { cpuValues, heapFloats, heapInts, isCpuArrayBackend, isWasmHeapBackend, newFloats, type CpuArrayBackend, type WasmHeapBackend } from './tensor-memory';

export const OUTPUT_LOSS_KERNEL = 'LossLabOutputLoss';
export const OUTPUT_LOSS_GRAD_KERNEL = 'LossLabOutputLossGrad';

interface Parsed {
  z: tf.TensorInfo;
  y: tf.TensorInfo;
  labels: tf.TensorInfo;
  dy: tf.TensorInfo | null;
  activation: OutputLossActivation;
  loss: OutputLoss;
}

function parse(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap | undefined): Parsed {
  const { z, y, labels, dy } = inputs;
  const activation = OUTPUT_LOSS_ACTIVATIONS.find((a) => a === attrs?.activation);
  const loss = OUTPUT_LOSSES.find((l) => l === attrs?.loss);
  if (z === undefined || y === undefined || labels === undefined) throw new Error(`${OUTPUT_LOSS_KERNEL}: needs inputs z, y and labels`);
  if (activation === undefined || loss === undefined)
    throw new Error(`${OUTPUT_LOSS_KERNEL}: unsupported activation ${String(attrs?.activation)} or loss ${String(attrs?.loss)}`);
  return { z, y, labels, dy: dy ?? null, activation, loss };
}

/** Reads the inputs' values on either backend. */
function values(backend: WasmHeapBackend | CpuArrayBackend, a: Parsed): { z: Float32Array; y: Float32Array; labels: Int32Array; scale: number } {
  const floats = (info: tf.TensorInfo): Float32Array => {
    const v = isWasmHeapBackend(backend) ? heapFloats(backend, info) : cpuValues(backend, info);
    if (!(v instanceof Float32Array)) throw new Error(`${OUTPUT_LOSS_KERNEL}: expected float32`);
    return v;
  };
  const ints = (info: tf.TensorInfo): Int32Array => {
    const v = isWasmHeapBackend(backend) ? heapInts(backend, info) : cpuValues(backend, info);
    if (!(v instanceof Int32Array)) throw new Error(`${OUTPUT_LOSS_KERNEL}: labels must be int32`);
    return v;
  };
  return { z: floats(a.z), y: floats(a.y), labels: ints(a.labels), scale: a.dy === null ? 1 : floats(a.dy)[0] };
}

function backendOf(backend: unknown): WasmHeapBackend | CpuArrayBackend {
  if (isWasmHeapBackend(backend) || isCpuArrayBackend(backend)) return backend;
  throw new Error(`${OUTPUT_LOSS_KERNEL}: runs on the wasm and cpu backends only`);
}

const forward: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const b = backendOf(backend);
  const a = parse(inputs, attrs);
  const v = values(b, a);
  const result = outputLoss(v.z, v.y, v.labels, a.z.shape[1] ?? 1, a.activation, a.loss, null);
  return [newFloats(b, [], (o) => (o[0] = result.loss)), newFloats(b, [], (o) => (o[0] = result.correct))];
};

const gradient: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const b = backendOf(backend);
  const a = parse(inputs, attrs);
  return newFloats(b, a.z.shape, (dz) => {
    // Values read after the output is allocated: allocation may grow the WASM heap and move its buffer.
    const v = values(b, a);
    outputLoss(v.z, v.y, v.labels, a.z.shape[1] ?? 1, a.activation, a.loss, dz, v.scale);
  });
};

/** Registers both kernels on wasm and cpu, and the gradient (idempotent). */
export function registerOutputLossKernel(): void {
  for (const backendName of ['wasm', 'cpu']) {
    if (tf.getKernel(OUTPUT_LOSS_KERNEL, backendName) === undefined) tf.registerKernel({ kernelName: OUTPUT_LOSS_KERNEL, backendName, kernelFunc: forward });
    if (tf.getKernel(OUTPUT_LOSS_GRAD_KERNEL, backendName) === undefined)
      tf.registerKernel({ kernelName: OUTPUT_LOSS_GRAD_KERNEL, backendName, kernelFunc: gradient });
  }
  if (tf.getGradient(OUTPUT_LOSS_KERNEL) !== undefined) return;
  tf.registerGradient({
    kernelName: OUTPUT_LOSS_KERNEL,
    inputsToSave: ['z', 'y', 'labels'],
    gradFunc: (dy, saved, attrs) => {
      const [z, y, labels] = saved;
      const dLoss = Array.isArray(dy) ? dy[0] : dy;
      return { z: () => tf.engine().runKernel(OUTPUT_LOSS_GRAD_KERNEL, { z, y, labels, dy: dLoss }, attrs) as tf.Tensor };
    },
  });
}

/**
 * [mean loss, correct count] of the output layer's pre-activation `z`, differentiable with respect to z.
 * Call only where `hasLossLabKernels` holds.
 */
export function outputLossOp(z: tf.Tensor2D, y: tf.Tensor2D, labels: tf.Tensor1D, activation: OutputLossActivation, loss: OutputLoss): [tf.Scalar, tf.Scalar] {
  registerOutputLossKernel();
  const [lossValue, correct] = tf.engine().runKernel(OUTPUT_LOSS_KERNEL, { z, y, labels }, { activation, loss }) as tf.Tensor[];
  return [lossValue as tf.Scalar, correct as tf.Scalar];
}
