/**
 * `LossLabDense`: a Dense layer, activation(x·W + b), as one registered tfjs kernel whose gradient is one
 * kernel too (`LossLabDenseGrad`). On wasm the matrix products are Loss Lab's own SIMD kernels (dense-wasm.ts:
 * no per-step weight packing, no transposed copies; relu and a SIMD tanh applied in the same call); on cpu
 * they are tfjs's own fused matMul (bias and relu/sigmoid fused) and, backwards, a transpose and a plain
 * multiply, with tfjs's Tanh after the product. Sigmoid on wasm is tfjs's own kernel after the product. The activation's derivative and the bias gradient are one JS loop. Inside a kernel, tfjs's kernels are called directly, so none of them pays the engine's dispatch
 * (~20 µs each), and the tape saves no customGrad clones.
 *
 * Inputs x [rows, in], w [in, units], b [units]; attrs activation (a DenseOpActivation), inputGradient
 * (false for the first layer: its input is data, and dx, the largest product, is skipped).
 */
import * as tf from '@tensorflow/tfjs';
import { DENSE_OP_ACTIVATIONS, type DenseOpActivation } from '../model/dense-op';
import { wasmDense, wasmInputGradient, wasmOutputGradient, wasmWeightGradient } from './dense-wasm';
import { heapKernelsOf } from './heap-kernels';
import { arrayBackendOf, floatsOf, newFloats, type ArrayBackend } from './tensor-memory';

export const DENSE_KERNEL = 'LossLabDense';
export const DENSE_GRAD_KERNEL = 'LossLabDenseGrad';

function need(inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const info = inputs[name];
  if (info === undefined) throw new Error(`${DENSE_KERNEL}: input ${name} is missing`);
  return info;
}

function activationOf(attrs: tf.NamedAttrMap | undefined): DenseOpActivation {
  const found = DENSE_OP_ACTIVATIONS.find((a) => a === attrs?.activation);
  if (found === undefined) throw new Error(`${DENSE_KERNEL}: unsupported activation ${String(attrs?.activation)}`);
  return found;
}

/** Runs tfjs's own kernel `name` on `backendName` without the engine (no dispatch, no tape). */
function call(backendName: string, name: string, backend: ArrayBackend, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap): tf.TensorInfo {
  const kernel = tf.getKernel(name, backendName);
  if (kernel === undefined) throw new Error(`${DENSE_KERNEL}: tfjs has no ${name} kernel on ${backendName}`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`${DENSE_KERNEL}: ${name} returned several tensors`);
  return out;
}

const as = (info: tf.TensorInfo, shape: number[]): tf.TensorInfo => ({ dataId: info.dataId, shape, dtype: info.dtype });

function forward(backendName: string): tf.KernelFunc {
  return ({ inputs, backend: raw, attrs }) => {
    const backend = arrayBackendOf(raw, DENSE_KERNEL);
    const [x, w, b] = ['x', 'w', 'b'].map((n) => need(inputs, n));
    const activation = activationOf(attrs);
    const [rows, inUnits] = x.shape;
    const units = w.shape[1];
    const wasm = heapKernelsOf(backend);
    if (wasm !== null) {
      if (activation !== 'sigmoid') return wasmDense(wasm, x, w, b, activation);
      const z = wasmDense(wasm, x, w, b, 'linear');
      const y = call(backendName, 'Sigmoid', backend, { x: z }, {});
      backend.disposeData(z.dataId);
      return y;
    }
    const fusable = activation === 'relu' || activation === 'sigmoid';
    const z = call(
      backendName,
      '_FusedMatMul',
      backend,
      { a: as(x, [1, rows, inUnits]), b: as(w, [1, inUnits, units]), bias: b },
      { transposeA: false, transposeB: false, activation: fusable ? activation : 'linear' },
    );
    const z2 = as(z, [rows, units]);
    if (activation !== 'tanh') return z2;
    const y = call(backendName, 'Tanh', backend, { x: z2 }, {});
    backend.disposeData(z.dataId);
    return y;
  };
}

/** dL/dz = dL/dy · activation'(z), written from y as tf's own activation gradients are (float32 steps). */
function activationGradient(dy: Float32Array, y: Float32Array, out: Float32Array, activation: DenseOpActivation): void {
  const f = Math.fround;
  for (let i = 0; i < out.length; i++) {
    const yi = y[i];
    if (activation === 'relu') out[i] = yi > 0 ? dy[i] : f(dy[i] * 0);
    else if (activation === 'tanh') out[i] = f(f(1 - f(yi * yi)) * dy[i]);
    else if (activation === 'sigmoid') out[i] = f(dy[i] * f(yi * f(1 - yi)));
    else out[i] = dy[i];
  }
}

/** dz = activation'(y)·dy and db = the column sums of dz, in JS on the backend's arrays (the cpu backend). */
function jsOutputGradient(backend: ArrayBackend, dy: tf.TensorInfo, y: tf.TensorInfo, activation: DenseOpActivation): { dz: tf.TensorInfo; db: tf.TensorInfo } {
  const [rows, units] = dy.shape;
  const dz = newFloats(backend, [rows, units], (out) => activationGradient(floatsOf(backend, dy), floatsOf(backend, y), out, activation));
  const db = newFloats(backend, [units], (out) => {
    const g = floatsOf(backend, dz);
    out.fill(0);
    for (let r = 0; r < rows; r++) for (let u = 0; u < units; u++) out[u] += g[r * units + u];
  });
  return { dz, db };
}

function gradient(backendName: string): tf.KernelFunc {
  return ({ inputs, backend: raw, attrs }) => {
    const backend = arrayBackendOf(raw, DENSE_GRAD_KERNEL);
    const [x, w, y, dy] = ['x', 'w', 'y', 'dy'].map((n) => need(inputs, n));
    const activation = activationOf(attrs);
    const wasm = heapKernelsOf(backend);
    const { dz, db } = wasm ? wasmOutputGradient(wasm, dy, y, activation) : jsOutputGradient(backend, dy, y, activation);
    const outputs = [wasm ? wasmWeightGradient(wasm, x, dz) : tfProduct(backendName, backend, x, dz, 'a', w.shape), db];
    if (attrs?.inputGradient === true) outputs.push(wasm ? wasmInputGradient(wasm, dz, w) : tfProduct(backendName, backend, dz, w, 'b', x.shape));
    backend.disposeData(dz.dataId);
    return outputs;
  };
}

/** a·b with operand `transposed` transposed, by tfjs's kernels: transpose first, then a plain multiply. */
function tfProduct(backendName: string, backend: ArrayBackend, a: tf.TensorInfo, b: tf.TensorInfo, transposed: 'a' | 'b', shape: number[]): tf.TensorInfo {
  const t = call(backendName, 'Transpose', backend, { x: transposed === 'a' ? a : b }, { perm: [1, 0] });
  const product = call(backendName, 'BatchMatMul', backend, transposed === 'a' ? { a: t, b } : { a, b: t }, { transposeA: false, transposeB: false });
  backend.disposeData(t.dataId);
  return as(product, shape);
}

/** Registers both kernels on wasm and cpu, and the gradient (idempotent). */
export function registerDenseKernel(): void {
  for (const backendName of ['wasm', 'cpu']) {
    if (tf.getKernel(DENSE_KERNEL, backendName) === undefined) tf.registerKernel({ kernelName: DENSE_KERNEL, backendName, kernelFunc: forward(backendName) });
    if (tf.getKernel(DENSE_GRAD_KERNEL, backendName) === undefined)
      tf.registerKernel({ kernelName: DENSE_GRAD_KERNEL, backendName, kernelFunc: gradient(backendName) });
  }
  if (tf.getGradient(DENSE_KERNEL) !== undefined) return;
  tf.registerGradient({
    kernelName: DENSE_KERNEL,
    inputsToSave: ['x', 'w'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, w, y] = saved;
      // One kernel for all three gradients, run now: the tape calls each input's function in its own tidy.
      const grads = tf.engine().runKernel(DENSE_GRAD_KERNEL, { x, w, y, dy: Array.isArray(dy) ? dy[0] : dy }, attrs) as tf.Tensor[];
      const [dw, db, dx] = grads;
      return {
        x: () => {
          if (dx === undefined) throw new Error(`${DENSE_KERNEL}: no input gradient (the layer was run with inputGradient false)`);
          return dx;
        },
        w: () => dw,
        b: () => db,
      };
    },
  });
}

/** activation(x·W + b) through `LossLabDense`; call only where `hasLossLabKernels` holds. */
export function denseKernelOp(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: DenseOpActivation, inputGradient: boolean): tf.Tensor2D {
  registerDenseKernel();
  return tf.engine().runKernel(DENSE_KERNEL, { x, w, b }, { activation, inputGradient }) as tf.Tensor2D;
}
