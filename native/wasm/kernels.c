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

/*
 * tanh of four floats, Cephes's tanhf: an odd polynomial below |x| = 0.625, 1 − 2/(e^{2|x|} + 1) above it,
 * with e^y from Cephes's expf (y = n·ln2 + r, a degree-6 polynomial in r, 2^n from the exponent bits). Both
 * branches are computed and one selected per lane. Error under 2e-7 against tanh in double precision
 * (test/unit/core/training/kernels/dense-wasm.test.ts); |x| ≥ 10 gives ±1, as float32 tanh does.
 */
static inline v128_t tanh4(v128_t x) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  const v128_t ax = wasm_f32x4_min(wasm_f32x4_abs(x), wasm_f32x4_splat(10.0f));
  /* small: x + x·z·P(z), z = x² */
  const v128_t z = wasm_f32x4_mul(x, x);
  v128_t p = wasm_f32x4_splat(-5.70498872745e-3f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, z), wasm_f32x4_splat(2.06390887954e-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, z), wasm_f32x4_splat(-5.37397155531e-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, z), wasm_f32x4_splat(1.33314422036e-1f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, z), wasm_f32x4_splat(-3.33332819422e-1f));
  const v128_t small = wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(p, z), x), x);
  /* large: e^{2|x|} */
  const v128_t y = wasm_f32x4_add(ax, ax);
  const v128_t n = wasm_f32x4_floor(wasm_f32x4_add(wasm_f32x4_mul(y, wasm_f32x4_splat(1.44269504088896341f)), wasm_f32x4_splat(0.5f)));
  v128_t r = wasm_f32x4_sub(y, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(-2.12194440e-4f)));
  const v128_t r2 = wasm_f32x4_mul(r, r);
  v128_t e = wasm_f32x4_splat(1.9875691500e-4f);
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.3981999507e-3f));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(8.3334519073e-3f));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(4.1665795894e-2f));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.6666665459e-1f));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(5.0000001201e-1f));
  e = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(e, r2), r), one);
  const v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  e = wasm_f32x4_mul(e, scale);
  v128_t large = wasm_f32x4_sub(one, wasm_f32x4_div(wasm_f32x4_splat(2.0f), wasm_f32x4_add(e, one)));
  large = wasm_v128_or(large, wasm_v128_and(x, wasm_f32x4_splat(-0.0f))); /* the sign of x */
  return wasm_v128_bitselect(small, large, wasm_f32x4_lt(ax, wasm_f32x4_splat(0.625f)));
}

/* out[i] = tanh(x[i]) for n floats (x may be out). */
EXPORT(tanh_f32)
void tanh_f32(const float *x, float *out, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(out + i, tanh4(wasm_v128_load(x + i)));
  for (; i < n; i++) out[i] = wasm_f32x4_extract_lane(tanh4(wasm_f32x4_splat(x[i])), 0);
}

/*
 * out[r][j] = sum_k a[r][k]·b[k][j] (+ bias[j]; then max(0, ·) when relu). a [rows, depth], b [depth, cols],
 * both row-major; bias may be 0 (none).
 */
static void gemm(const float *restrict a, const float *restrict b, const float *restrict bias, float *restrict out,
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
 * The first layer's input is pixels, mostly exact zeros (about 80 % of an MNIST image). A zero term adds
 * nothing to a sum, so skipping it leaves every sum, taken in the same k (or r) order, unchanged (up to the
 * sign of an all-zero sum). `mostly_zero` decides per batch: below 40 % nonzero the kernels walk lists of
 * the nonzero entries; otherwise the dense loops run. The lists live in `scratch`, int32 memory the caller
 * allocates on tfjs's heap (this module owns no memory of its own).
 */
static int count_nonzero(const float *x, int n) {
  int count = 0;
  for (int i = 0; i < n; i++) count += x[i] != 0.0f;
  return count;
}

static int mostly_zero(const float *x, int n) { return count_nonzero(x, n) * 5 < n * 2; }

#define ACC8(c, s, p)                                                                                      \
  do {                                                                                                     \
    c##0 = wasm_f32x4_add(c##0, wasm_f32x4_mul(s, wasm_v128_load((p))));                                   \
    c##1 = wasm_f32x4_add(c##1, wasm_f32x4_mul(s, wasm_v128_load((p) + 4)));                               \
    c##2 = wasm_f32x4_add(c##2, wasm_f32x4_mul(s, wasm_v128_load((p) + 8)));                               \
    c##3 = wasm_f32x4_add(c##3, wasm_f32x4_mul(s, wasm_v128_load((p) + 12)));                              \
    c##4 = wasm_f32x4_add(c##4, wasm_f32x4_mul(s, wasm_v128_load((p) + 16)));                              \
    c##5 = wasm_f32x4_add(c##5, wasm_f32x4_mul(s, wasm_v128_load((p) + 20)));                              \
    c##6 = wasm_f32x4_add(c##6, wasm_f32x4_mul(s, wasm_v128_load((p) + 24)));                              \
    c##7 = wasm_f32x4_add(c##7, wasm_f32x4_mul(s, wasm_v128_load((p) + 28)));                              \
  } while (0)

/* out = x·w + bias (then relu), x mostly zero: each row's nonzero k listed in scratch ([in] int32). */
static void sparse_rows_gemm(const float *restrict x, const float *restrict w, const float *restrict bias, float *restrict out,
                             int *restrict nz, int rows, int in, int units, int relu) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  for (int r = 0; r < rows; r++) {
    const float *xr = x + r * in;
    float *o = out + r * units;
    int count = 0;
    for (int k = 0; k < in; k++)
      if (xr[k] != 0.0f) nz[count++] = k;
    int j = 0;
    for (; j + 32 <= units; j += 32) {
      v128_t c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero, c6 = zero, c7 = zero;
      for (int i = 0; i < count; i++) {
        const int k = nz[i];
        const v128_t s = wasm_v128_load32_splat(xr + k);
        ACC8(c, s, w + k * units + j);
      }
      const v128_t cs[8] = {c0, c1, c2, c3, c4, c5, c6, c7};
      for (int q = 0; q < 8; q++) {
        v128_t z = wasm_f32x4_add(cs[q], wasm_v128_load(bias + j + 4 * q));
        if (relu) z = wasm_f32x4_pmax(z, zero);
        wasm_v128_store(o + j + 4 * q, z);
      }
    }
    for (; j < units; j++) {
      float sum = 0.0f;
      for (int i = 0; i < count; i++) sum += xr[nz[i]] * w[nz[i] * units + j];
      sum += bias[j];
      o[j] = relu && sum < 0.0f ? 0.0f : sum;
    }
  }
}

/*
 * dw = xᵀ·dz, x mostly zero: x's nonzero entries listed by column (for each k, the rows r in order), so each
 * dw row is summed in registers over r as the dense loop sums it. scratch: (in + 1) + in + rows·in int32.
 */
static void sparse_weight_grad(const float *restrict x, const float *restrict dz, float *restrict dw, int *restrict scratch,
                               int rows, int in, int units) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int *start = scratch, *fill = scratch + in + 1, *row_of = scratch + 2 * in + 1;
  for (int k = 0; k <= in; k++) start[k] = 0;
  for (int r = 0; r < rows; r++)
    for (int k = 0; k < in; k++) start[k + 1] += x[r * in + k] != 0.0f;
  for (int k = 0; k < in; k++) {
    start[k + 1] += start[k];
    fill[k] = start[k];
  }
  for (int r = 0; r < rows; r++)
    for (int k = 0; k < in; k++)
      if (x[r * in + k] != 0.0f) row_of[fill[k]++] = r;
  for (int k = 0; k < in; k++) {
    float *o = dw + k * units;
    int j = 0;
    for (; j + 32 <= units; j += 32) {
      v128_t c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero, c6 = zero, c7 = zero;
      for (int i = start[k]; i < start[k + 1]; i++) {
        const int r = row_of[i];
        const v128_t s = wasm_v128_load32_splat(x + r * in + k);
        ACC8(c, s, dz + r * units + j);
      }
      wasm_v128_store(o + j, c0);
      wasm_v128_store(o + j + 4, c1);
      wasm_v128_store(o + j + 8, c2);
      wasm_v128_store(o + j + 12, c3);
      wasm_v128_store(o + j + 16, c4);
      wasm_v128_store(o + j + 20, c5);
      wasm_v128_store(o + j + 24, c6);
      wasm_v128_store(o + j + 28, c7);
    }
    for (; j < units; j++) {
      float sum = 0.0f;
      for (int i = start[k]; i < start[k + 1]; i++) sum += x[row_of[i] * in + k] * dz[row_of[i] * units + j];
      o[j] = sum;
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

/*
 * out[i] = bytes[i] / 255 in float32, for n bytes (n a multiple of 16 or not): the training batch's pixels,
 * copied onto the heap as bytes. Float32 division rounds once, as the JS scaling (fround(v / 255)) does; a
 * test compares all 256 values.
 */
EXPORT(bytes_to_unit)
void bytes_to_unit(const unsigned char *restrict bytes, float *restrict out, int n) {
  const v128_t scale = wasm_f32x4_splat(255.0f);
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    const v128_t b = wasm_v128_load(bytes + i);
    const v128_t lo = wasm_u16x8_extend_low_u8x16(b), hi = wasm_u16x8_extend_high_u8x16(b);
    wasm_v128_store(out + i, wasm_f32x4_div(wasm_f32x4_convert_u32x4(wasm_u32x4_extend_low_u16x8(lo)), scale));
    wasm_v128_store(out + i + 4, wasm_f32x4_div(wasm_f32x4_convert_u32x4(wasm_u32x4_extend_high_u16x8(lo)), scale));
    wasm_v128_store(out + i + 8, wasm_f32x4_div(wasm_f32x4_convert_u32x4(wasm_u32x4_extend_low_u16x8(hi)), scale));
    wasm_v128_store(out + i + 12, wasm_f32x4_div(wasm_f32x4_convert_u32x4(wasm_u32x4_extend_high_u16x8(hi)), scale));
  }
  for (; i < n; i++) out[i] = (float)bytes[i] / 255.0f;
}
