/**
 * `LossLabAdam`: one Adam step for every trainable variable in a single tfjs kernel. tf.train.adam runs ~13 kernels per variable (~50 a step for a 2-layer model), each
 * paying tfjs's ~20 µs dispatch. Registered for the wasm backend (native/wasm/, SIMD) and the cpu
 * backend (the same float32 arithmetic in JS); not for tensorflow, where `createOptimizer`
 * (model/optimizer.ts) keeps tf.train.adam (see `hasLossLabKernels`).
 *
 * Inputs `p<k>`, `g<k>`, `m<k>`, `v<k>`: variable k, its gradient, first and second moment. The moments are
 * updated in place (the caller guarantees each owns its data); the new value of variable k is output k, a
 * fresh tensor for the caller to assign. Parameters are never changed in place: tfjs's WASM matMul caches
 * weights packed per tensor id, and would keep multiplying by the old values.
 */
import * as tf from '@tensorflow/tfjs';
import { cpuValues, heapOffset, isCpuArrayBackend, isWasmHeapBackend, sizeOf, wasmMemoryOf } from './tensor-memory';
import { lossLabWasm } from './wasm-kernels';

export const ADAM_KERNEL = 'LossLabAdam';

/** The float32 constants of one step, as tf.train.adam's scalar tensors hold them. */
export interface AdamStepAttrs {
  count: number;
  beta1: number;
  beta2: number;
  /** 1 − beta1^t for this step, rounded to float32 as tfjs computes it. */
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  learningRate: number;
}

function attrsOf(attrs: tf.NamedAttrMap): AdamStepAttrs {
  const n = (key: keyof AdamStepAttrs): number => {
    const value = attrs[key];
    if (typeof value !== 'number') throw new Error(`${ADAM_KERNEL}: attribute ${key} must be a number`);
    return value;
  };
  return {
    count: n('count'),
    beta1: n('beta1'),
    beta2: n('beta2'),
    oneMinusAccBeta1: n('oneMinusAccBeta1'),
    oneMinusAccBeta2: n('oneMinusAccBeta2'),
    epsilon: n('epsilon'),
    learningRate: n('learningRate'),
  };
}

function input(inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const info = inputs[name];
  if (info === undefined) throw new Error(`${ADAM_KERNEL}: input ${name} is missing`);
  return info;
}

/** The same float32 operations, in the same order, as tf.train.adam's kernels (Math.fround after each). */
function adamJs(p: Float32Array, out: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, a: AdamStepAttrs): void {
  const f = Math.fround;
  const b1 = f(a.beta1),
    c1 = f(1 - a.beta1),
    b2 = f(a.beta2),
    c2 = f(1 - a.beta2);
  const acc1 = f(a.oneMinusAccBeta1),
    acc2 = f(a.oneMinusAccBeta2),
    eps = f(a.epsilon),
    negLr = f(-a.learningRate);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i];
    const m1 = f(f(m[i] * b1) + f(gi * c1));
    const v1 = f(f(v[i] * b2) + f(f(gi * gi) * c2));
    m[i] = m1;
    v[i] = v1;
    out[i] = f(f(f(m1 / acc1) / f(f(Math.sqrt(f(v1 / acc2))) + eps)) * negLr) + p[i];
  }
}

const wasmAdam: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  if (!isWasmHeapBackend(backend)) throw new Error(`${ADAM_KERNEL}: not the wasm backend`);
  const a = attrsOf(attrs ?? {});
  const memory = wasmMemoryOf(backend);
  const kernels = memory === null ? null : lossLabWasm(memory);
  const outputs: tf.TensorInfo[] = [];
  for (let k = 0; k < a.count; k++) {
    const [p, g, m, v] = (['p', 'g', 'm', 'v'] as const).map((s) => input(inputs, `${s}${k}`));
    const out = backend.makeOutput(p.shape, 'float32');
    outputs.push(out);
    if (kernels === null) {
      // Views made after makeOutput, which may have grown (and so replaced) the heap's buffer.
      const view = (info: tf.TensorInfo): Float32Array => new Float32Array(backend.wasm.HEAPF32.buffer, heapOffset(backend, info), sizeOf(info));
      adamJs(view(p), view(out), view(g), view(m), view(v), a);
      continue;
    }
    const at = (info: tf.TensorInfo): number => heapOffset(backend, info);
    kernels.adam_step(
      at(p),
      at(out),
      at(g),
      at(m),
      at(v),
      sizeOf(p),
      a.beta1,
      1 - a.beta1,
      a.beta2,
      1 - a.beta2,
      a.oneMinusAccBeta1,
      a.oneMinusAccBeta2,
      a.epsilon,
      -a.learningRate,
    );
  }
  return outputs;
};

const cpuAdam: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  if (!isCpuArrayBackend(backend)) throw new Error(`${ADAM_KERNEL}: not the cpu backend`);
  const a = attrsOf(attrs ?? {});
  const outputs: tf.TensorInfo[] = [];
  for (let k = 0; k < a.count; k++) {
    const [p, g, m, v] = (['p', 'g', 'm', 'v'] as const).map((s) => {
      const values = cpuValues(backend, input(inputs, `${s}${k}`));
      if (!(values instanceof Float32Array)) throw new Error(`${ADAM_KERNEL}: ${s}${k} is not float32`);
      return values;
    });
    const out = new Float32Array(p.length);
    adamJs(p, out, g, m, v, a);
    outputs.push(backend.makeTensorInfo(input(inputs, `p${k}`).shape, 'float32', out));
  }
  return outputs;
};

/** Registers the kernel on wasm and cpu (idempotent). */
export function registerAdamKernel(): void {
  if (tf.getKernel(ADAM_KERNEL, 'wasm') === undefined) tf.registerKernel({ kernelName: ADAM_KERNEL, backendName: 'wasm', kernelFunc: wasmAdam });
  if (tf.getKernel(ADAM_KERNEL, 'cpu') === undefined) tf.registerKernel({ kernelName: ADAM_KERNEL, backendName: 'cpu', kernelFunc: cpuAdam });
}
