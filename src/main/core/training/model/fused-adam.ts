/**
 * Adam with all variables updated by one `LossLabAdam` kernel (kernels/adam-kernel.ts) instead of ~13 tfjs
 * kernels per variable. Same state (first and second moments as tfjs variables, beta powers in float32) and
 * the same float32 arithmetic as tf.train.adam, so its updates equal tf.train.adam's bit for bit
 * (test/unit/main/core/training/model/fused-adam.test.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { ADAM_KERNEL, registerAdamKernel, type AdamStepAttrs } from '../kernels/adam-kernel';

/** tfjs's NamedTensor (not re-exported by @tensorflow/tfjs). */
type NamedTensor = { name: string; tensor: tf.Tensor };

interface Moments {
  m: tf.Variable;
  v: tf.Variable;
}

/** Makes moment `t` the only owner of its data (a clone can share it), so its in-place update is safe. */
function ownData(t: tf.Variable): void {
  if (tf.engine().backend.refCount(t.dataId) <= 1) return;
  const copy = tf.mul(t, 1);
  t.assign(copy);
  copy.dispose();
}

export class FusedAdamOptimizer extends tf.Optimizer {
  static get className(): string {
    return 'LossLabFusedAdam';
  }

  private readonly moments: Moments[] = [];
  /** beta1^t and beta2^t of the next step, as float32 values (tfjs keeps them in float32 scalars). */
  private accBeta1: number;
  private accBeta2: number;
  private readonly epsilon: number;

  constructor(
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    epsilon?: number,
  ) {
    super();
    registerAdamKernel();
    this.accBeta1 = Math.fround(beta1);
    this.accBeta2 = Math.fround(beta2);
    // tf.train.adam's default: the backend's epsilon (1e-7 on float32 backends).
    this.epsilon = epsilon ?? tf.backend().epsilon();
  }

  applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const inputs: tf.NamedTensorMap = {};
    const updated: tf.Variable[] = [];
    let count = 0;
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name];
      const gradient = Array.isArray(variableGradients) ? variableGradients[i]?.tensor : variableGradients[name];
      if (value === undefined || gradient == null) return;
      const moments = (this.moments[i] ??= {
        m: tf.tidy(() => tf.zerosLike(value).variable(false, `${name}/m`)),
        v: tf.tidy(() => tf.zerosLike(value).variable(false, `${name}/v`)),
      });
      ownData(moments.m);
      ownData(moments.v);
      updated.push(value);
      inputs[`p${count}`] = value;
      inputs[`g${count}`] = gradient;
      inputs[`m${count}`] = moments.m;
      inputs[`v${count}`] = moments.v;
      count++;
    });
    const f = Math.fround;
    const attrs: AdamStepAttrs = {
      count,
      beta1: this.beta1,
      beta2: this.beta2,
      oneMinusAccBeta1: f(1 - this.accBeta1),
      oneMinusAccBeta2: f(1 - this.accBeta2),
      epsilon: this.epsilon,
      learningRate: this.learningRate,
    };
    const values = tf.engine().runKernel(ADAM_KERNEL, inputs, { ...attrs });
    (Array.isArray(values) ? values : [values]).forEach((v, k) => {
      updated[k].assign(v);
      v.dispose();
    });
    this.accBeta1 = f(this.accBeta1 * f(this.beta1));
    this.accBeta2 = f(this.accBeta2 * f(this.beta2));
    this.incrementIterations();
  }

  override dispose(): void {
    for (const { m, v } of this.moments) tf.dispose([m, v]);
    this.moments.length = 0;
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
