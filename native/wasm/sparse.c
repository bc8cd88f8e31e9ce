#include "kernels.h"

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

int mostly_zero(const float *x, int n) { return count_nonzero(x, n) * 5 < n * 2; }

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
void sparse_rows_gemm(const float *restrict x, const float *restrict w, const float *restrict bias, float *restrict out,
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
void sparse_weight_grad(const float *restrict x, const float *restrict dz, float *restrict dw, int *restrict scratch,
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
