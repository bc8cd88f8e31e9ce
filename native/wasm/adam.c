/* Adam for all parameters in one kernel. */
#include "kernels.h"

/*
 * One Adam step on n parameters, exactly as tf.train.adam computes it. The moments are updated in place; the
 * new parameters go to `out`, a fresh tensor (tfjs's WASM matMul caches weights packed by tensor id, so a
 * parameter must never change in place):
 *   m' = m·beta1 + g·(1−beta1)            v' = v·beta2 + g²·(1−beta2)
 *   p' = (m'/(1−beta1^t)) / (sqrt(v'/(1−beta2^t)) + eps) · (−lr) + p
 * one_minus_beta1 etc. are the float32 scalars tfjs would use; neg_lr is −learning rate.
 */
EXPORT(adam_step)
void adam_step(const float *restrict param, float *restrict out, const float *restrict grad, float *restrict m, float *restrict v, int n,
               float beta1, float one_minus_beta1, float beta2, float one_minus_beta2,
               float one_minus_acc_beta1, float one_minus_acc_beta2, float eps, float neg_lr) {
  const v128_t b1 = wasm_f32x4_splat(beta1), c1 = wasm_f32x4_splat(one_minus_beta1);
  const v128_t b2 = wasm_f32x4_splat(beta2), c2 = wasm_f32x4_splat(one_minus_beta2);
  const v128_t a1 = wasm_f32x4_splat(one_minus_acc_beta1), a2 = wasm_f32x4_splat(one_minus_acc_beta2);
  const v128_t e = wasm_f32x4_splat(eps), lr = wasm_f32x4_splat(neg_lr);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t g = wasm_v128_load(grad + i);
    const v128_t m1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), b1), wasm_f32x4_mul(g, c1));
    const v128_t v1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), b2), wasm_f32x4_mul(wasm_f32x4_mul(g, g), c2));
    wasm_v128_store(m + i, m1);
    wasm_v128_store(v + i, v1);
    const v128_t step = wasm_f32x4_div(wasm_f32x4_div(m1, a1), wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(v1, a2)), e));
    wasm_v128_store(out + i, wasm_f32x4_add(wasm_f32x4_mul(step, lr), wasm_v128_load(param + i)));
  }
  for (; i < n; i++) {
    const float g = grad[i];
    const float m1 = m[i] * beta1 + g * one_minus_beta1;
    const float v1 = v[i] * beta2 + (g * g) * one_minus_beta2;
    m[i] = m1;
    v[i] = v1;
    out[i] = ((m1 / one_minus_acc_beta1) / (__builtin_sqrtf(v1 / one_minus_acc_beta2) + eps)) * neg_lr + param[i];
  }
}
