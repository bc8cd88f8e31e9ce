/*
 * Loss Lab's own WebAssembly SIMD kernels, run on TensorFlow.js's WASM heap.
 *
 * Built by scripts/build-wasm-kernels.sh into src/main/core/training/kernels/loss-lab-kernels.wasm. The module
 * imports tfjs's own memory and works on tensor pointers from the tfjs WASM backend, so no data is copied. It
 * must therefore own nothing in that memory: no static data, no stack, no libc (the build checks there is
 * no data section and that the code never touches the stack pointer).
 *
 * Every kernel computes the same float32 operations in the same order as the tfjs kernels it replaces
 * (IEEE single precision, no fused multiply-add), so its results equal tfjs's own bit for bit.
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

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

/*
 * The Dense layer's matrix products. tfjs's WASM matMul hands them to XNNPACK, which packs the weights into a
 * new operator for every new weight tensor, i.e. every training step (~1 ms for 784×128), and multiplies
 * transposed operands ~10× slower than plain ones, so the gradient first copied x into a transposed tensor.
 * These kernels read the operands as they lie. Register blocks of 4 rows × 8 columns (8 accumulators, two
 * vectors of the row-major right operand, four broadcast scalars) fit the 16 SIMD registers of x86-64 and
 * ARM64 without spilling. Each sum runs over k in order, as the reference does; the rounding differs from
 * XNNPACK's blocked sums by a few ulp, so these results are compared within 1e-5, not bit for bit.
 */

/* out[r][n] = sum_k x[r][k]·w[k][n] + b[n], then max(0, ·) when relu. x [rows, in], w [in, units]. */
EXPORT(dense_forward)
void dense_forward(const float *restrict x, const float *restrict w, const float *restrict b, float *restrict out,
                   int rows, int in, int units, int relu) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int r = 0;
  for (; r + 4 <= rows; r += 4) {
    const float *x0 = x + r * in, *x1 = x0 + in, *x2 = x1 + in, *x3 = x2 + in;
    int n = 0;
    for (; n + 8 <= units; n += 8) {
      v128_t a00 = zero, a01 = zero, a10 = zero, a11 = zero, a20 = zero, a21 = zero, a30 = zero, a31 = zero;
      const float *wk = w + n;
      for (int k = 0; k < in; k++, wk += units) {
        const v128_t w0 = wasm_v128_load(wk), w1 = wasm_v128_load(wk + 4);
        v128_t s = wasm_v128_load32_splat(x0 + k);
        a00 = wasm_f32x4_add(a00, wasm_f32x4_mul(s, w0));
        a01 = wasm_f32x4_add(a01, wasm_f32x4_mul(s, w1));
        s = wasm_v128_load32_splat(x1 + k);
        a10 = wasm_f32x4_add(a10, wasm_f32x4_mul(s, w0));
        a11 = wasm_f32x4_add(a11, wasm_f32x4_mul(s, w1));
        s = wasm_v128_load32_splat(x2 + k);
        a20 = wasm_f32x4_add(a20, wasm_f32x4_mul(s, w0));
        a21 = wasm_f32x4_add(a21, wasm_f32x4_mul(s, w1));
        s = wasm_v128_load32_splat(x3 + k);
        a30 = wasm_f32x4_add(a30, wasm_f32x4_mul(s, w0));
        a31 = wasm_f32x4_add(a31, wasm_f32x4_mul(s, w1));
      }
      const v128_t b0 = wasm_v128_load(b + n), b1 = wasm_v128_load(b + n + 4);
      float *o = out + r * units + n;
#define STORE_ROW(p, lo, hi)                                                                  \
  do {                                                                                        \
    v128_t z0 = wasm_f32x4_add(lo, b0), z1 = wasm_f32x4_add(hi, b1);                          \
    if (relu) { z0 = wasm_f32x4_pmax(z0, zero); z1 = wasm_f32x4_pmax(z1, zero); }             \
    wasm_v128_store(p, z0);                                                                   \
    wasm_v128_store((p) + 4, z1);                                                             \
  } while (0)
      STORE_ROW(o, a00, a01);
      STORE_ROW(o + units, a10, a11);
      STORE_ROW(o + 2 * units, a20, a21);
      STORE_ROW(o + 3 * units, a30, a31);
#undef STORE_ROW
    }
    for (; n < units; n++) {
      for (int i = 0; i < 4; i++) {
        const float *xi = x + (r + i) * in;
        float sum = 0.0f;
        for (int k = 0; k < in; k++) sum += xi[k] * w[k * units + n];
        sum += b[n];
        out[(r + i) * units + n] = relu && sum < 0.0f ? 0.0f : sum;
      }
    }
  }
  for (; r < rows; r++) {
    const float *xr = x + r * in;
    for (int n = 0; n < units; n++) {
      float sum = 0.0f;
      for (int k = 0; k < in; k++) sum += xr[k] * w[k * units + n];
      sum += b[n];
      out[r * units + n] = relu && sum < 0.0f ? 0.0f : sum;
    }
  }
}

/* dw[k][n] = sum_r x[r][k]·dz[r][n] (xᵀ·dz without transposing x). x [rows, in], dz [rows, units]. */
EXPORT(dense_weight_grad)
void dense_weight_grad(const float *restrict x, const float *restrict dz, float *restrict dw, int rows, int in, int units) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int k = 0;
  for (; k + 4 <= in; k += 4) {
    int n = 0;
    for (; n + 8 <= units; n += 8) {
      v128_t a00 = zero, a01 = zero, a10 = zero, a11 = zero, a20 = zero, a21 = zero, a30 = zero, a31 = zero;
      const float *xr = x + k, *dr = dz + n;
      for (int r = 0; r < rows; r++, xr += in, dr += units) {
        const v128_t d0 = wasm_v128_load(dr), d1 = wasm_v128_load(dr + 4);
        v128_t s = wasm_v128_load32_splat(xr);
        a00 = wasm_f32x4_add(a00, wasm_f32x4_mul(s, d0));
        a01 = wasm_f32x4_add(a01, wasm_f32x4_mul(s, d1));
        s = wasm_v128_load32_splat(xr + 1);
        a10 = wasm_f32x4_add(a10, wasm_f32x4_mul(s, d0));
        a11 = wasm_f32x4_add(a11, wasm_f32x4_mul(s, d1));
        s = wasm_v128_load32_splat(xr + 2);
        a20 = wasm_f32x4_add(a20, wasm_f32x4_mul(s, d0));
        a21 = wasm_f32x4_add(a21, wasm_f32x4_mul(s, d1));
        s = wasm_v128_load32_splat(xr + 3);
        a30 = wasm_f32x4_add(a30, wasm_f32x4_mul(s, d0));
        a31 = wasm_f32x4_add(a31, wasm_f32x4_mul(s, d1));
      }
      float *o = dw + k * units + n;
      wasm_v128_store(o, a00);
      wasm_v128_store(o + 4, a01);
      wasm_v128_store(o + units, a10);
      wasm_v128_store(o + units + 4, a11);
      wasm_v128_store(o + 2 * units, a20);
      wasm_v128_store(o + 2 * units + 4, a21);
      wasm_v128_store(o + 3 * units, a30);
      wasm_v128_store(o + 3 * units + 4, a31);
    }
    for (; n < units; n++) {
      for (int i = 0; i < 4; i++) {
        float sum = 0.0f;
        for (int r = 0; r < rows; r++) sum += x[r * in + k + i] * dz[r * units + n];
        dw[(k + i) * units + n] = sum;
      }
    }
  }
  for (; k < in; k++) {
    for (int n = 0; n < units; n++) {
      float sum = 0.0f;
      for (int r = 0; r < rows; r++) sum += x[r * in + k] * dz[r * units + n];
      dw[k * units + n] = sum;
    }
  }
}

/* dx[r][i] = sum_n dz[r][n]·w[i][n] (dz·wᵀ without transposing w). dz [rows, units], w [in, units]. */
EXPORT(dense_input_grad)
void dense_input_grad(const float *restrict dz, const float *restrict w, float *restrict dx, int rows, int in, int units) {
  for (int r = 0; r < rows; r++) {
    const float *d = dz + r * units;
    for (int i = 0; i < in; i++) {
      const float *wi = w + i * units;
      float sum = 0.0f;
      for (int n = 0; n < units; n++) sum += d[n] * wi[n];
      dx[r * in + i] = sum;
    }
  }
}
