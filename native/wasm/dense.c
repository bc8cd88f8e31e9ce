#include "kernels.h"

/*
 * The Dense layer's matrix products. tfjs's WASM matMul hands them to XNNPACK, which packs the weights into a
 * new operator for every new weight tensor, i.e. every training step (~1 ms for 784×128), and multiplies
 * transposed operands ~10× slower than plain ones, so the gradient first copied x into a transposed tensor.
 * These kernels read the operands as they lie. Register blocks of 4 rows × 8 columns (8 accumulators, two
 * vectors of the row-major right operand, four broadcast scalars) fit the 16 SIMD registers of x86-64 and
 * ARM64 without spilling. Each sum runs over k in order, as the reference does; the rounding differs from
 * XNNPACK's blocked sums by a few ulp, so these results are compared within 1e-5, not bit for bit.
 */

/*
 * out[r][j] = sum_k a[r][k]·b[k][j] (+ bias[j]; then max(0, ·) when relu). a [rows, depth], b [depth, cols],
 * both row-major; bias may be 0 (none).
 */
void gemm(const float *restrict a, const float *restrict b, const float *restrict bias, float *restrict out,
          int rows, int depth, int cols, int relu) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int r = 0;
  for (; r + 4 <= rows; r += 4) {
    const float *a0 = a + r * depth, *a1 = a0 + depth, *a2 = a1 + depth, *a3 = a2 + depth;
    int j = 0;
    for (; j + 8 <= cols; j += 8) {
      v128_t c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
      const float *bk = b + j;
      for (int k = 0; k < depth; k++, bk += cols) {
        const v128_t b0 = wasm_v128_load(bk), b1 = wasm_v128_load(bk + 4);
        v128_t s = wasm_v128_load32_splat(a0 + k);
        c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(s, b0));
        c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(s, b1));
        s = wasm_v128_load32_splat(a1 + k);
        c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(s, b0));
        c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(s, b1));
        s = wasm_v128_load32_splat(a2 + k);
        c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(s, b0));
        c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(s, b1));
        s = wasm_v128_load32_splat(a3 + k);
        c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(s, b0));
        c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(s, b1));
      }
      const v128_t bias0 = bias ? wasm_v128_load(bias + j) : zero, bias1 = bias ? wasm_v128_load(bias + j + 4) : zero;
      float *o = out + r * cols + j;
#define STORE_ROW(p, lo, hi)                                                                  \
  do {                                                                                        \
    v128_t z0 = wasm_f32x4_add(lo, bias0), z1 = wasm_f32x4_add(hi, bias1);                    \
    if (relu) { z0 = wasm_f32x4_pmax(z0, zero); z1 = wasm_f32x4_pmax(z1, zero); }             \
    wasm_v128_store(p, z0);                                                                   \
    wasm_v128_store((p) + 4, z1);                                                             \
  } while (0)
      STORE_ROW(o, c00, c01);
      STORE_ROW(o + cols, c10, c11);
      STORE_ROW(o + 2 * cols, c20, c21);
      STORE_ROW(o + 3 * cols, c30, c31);
#undef STORE_ROW
    }
    for (; j < cols; j++) {
      for (int i = 0; i < 4; i++) {
        const float *ai = a + (r + i) * depth;
        float sum = 0.0f;
        for (int k = 0; k < depth; k++) sum += ai[k] * b[k * cols + j];
        if (bias) sum += bias[j];
        out[(r + i) * cols + j] = relu && sum < 0.0f ? 0.0f : sum;
      }
    }
  }
  for (; r < rows; r++) {
    const float *ar = a + r * depth;
    for (int j = 0; j < cols; j++) {
      float sum = 0.0f;
      for (int k = 0; k < depth; k++) sum += ar[k] * b[k * cols + j];
      if (bias) sum += bias[j];
      out[r * cols + j] = relu && sum < 0.0f ? 0.0f : sum;
    }
  }
}
/*
 * out = act(x·w + b), act 0: none, 1: relu, 2: tanh. x [rows, in], w [in, units], b [units]. scratch: [in]
 * int32 for the sparse path (x mostly zero), or 0 to always run the dense one.
 */
EXPORT(dense_forward)
void dense_forward(const float *restrict x, const float *restrict w, const float *restrict b, float *restrict out,
                   int *restrict scratch, int rows, int in, int units, int act) {
  if (scratch && mostly_zero(x, rows * in)) sparse_rows_gemm(x, w, b, out, scratch, rows, in, units, act == 1);
  else gemm(x, w, b, out, rows, in, units, act == 1);
  if (act == 2) tanh_f32(out, out, rows * units);
}

/*
 * dz = act'(y)·dy and db = the column sums of dz, as tf's activation gradients compute them from the output
 * y: relu y > 0 ? dy : 0; tanh (1 − y²)·dy; sigmoid dy·(y·(1 − y)). act codes as dense_forward's, 3: sigmoid.
 * y, dy, dz [rows, units]; db [units].
 */
EXPORT(dense_output_grad)
void dense_output_grad(const float *restrict dy, const float *restrict y, float *restrict dz, float *restrict db, int rows, int units, int act) {
  const v128_t zero = wasm_f32x4_splat(0.0f), one = wasm_f32x4_splat(1.0f);
  int u = 0;
  for (; u + 4 <= units; u += 4) {
    v128_t sum = zero;
    for (int r = 0; r < rows; r++) {
      const int at = r * units + u;
      const v128_t g = wasm_v128_load(dy + at), v = wasm_v128_load(y + at);
      v128_t d = g;
      if (act == 1) d = wasm_v128_and(g, wasm_f32x4_gt(v, zero));
      else if (act == 2) d = wasm_f32x4_mul(wasm_f32x4_sub(one, wasm_f32x4_mul(v, v)), g);
      else if (act == 3) d = wasm_f32x4_mul(g, wasm_f32x4_mul(v, wasm_f32x4_sub(one, v)));
      wasm_v128_store(dz + at, d);
      sum = wasm_f32x4_add(sum, d);
    }
    wasm_v128_store(db + u, sum);
  }
  for (; u < units; u++) {
    float sum = 0.0f;
    for (int r = 0; r < rows; r++) {
      const int at = r * units + u;
      const float g = dy[at], v = y[at];
      float d = g;
      if (act == 1) d = v > 0.0f ? g : 0.0f;
      else if (act == 2) d = (1.0f - v * v) * g;
      else if (act == 3) d = g * (v * (1.0f - v));
      dz[at] = d;
      sum += d;
    }
    db[u] = sum;
  }
}

/*
 * dw[k][n] = sum_r x[r][k]·dz[r][n] (xᵀ·dz without transposing x). x [rows, in], dz [rows, units]. scratch:
 * (2·in + 1 + rows·in) int32 for the sparse path (x mostly zero), or 0 to always run the dense one.
 */
EXPORT(dense_weight_grad)
void dense_weight_grad(const float *restrict x, const float *restrict dz, float *restrict dw, int *restrict scratch, int rows, int in, int units) {
  if (scratch && mostly_zero(x, rows * in)) {
    sparse_weight_grad(x, dz, dw, scratch, rows, in, units);
    return;
  }
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

/*
 * dx = dz·wᵀ: w [in, units] is transposed into wt [units, in] (scratch the caller allocates), then multiplied
 * as dense_forward multiplies. dz [rows, units], dx [rows, in].
 */
EXPORT(dense_input_grad)
void dense_input_grad(const float *restrict dz, const float *restrict w, float *restrict wt, float *restrict dx, int rows, int in, int units) {
  for (int i = 0; i < in; i++)
    for (int u = 0; u < units; u++) wt[u * in + i] = w[i * units + u];
  gemm(dz, wt, 0, dx, rows, units, in, 0);
}
