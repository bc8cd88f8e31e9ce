/* Elementwise kernels: tanh, and the pixels' scaling from bytes. */
#include "kernels.h"

/*
 * tanh of four floats, Cephes's tanhf: an odd polynomial below |x| = 0.625, 1 − 2/(e^{2|x|} + 1) above it,
 * with e^y from Cephes's expf (y = n·ln2 + r, a degree-6 polynomial in r, 2^n from the exponent bits). Both
 * branches are computed and one selected per lane. Error under 2e-7 against tanh in double precision
 * (test/unit/main/core/training/kernels/dense-wasm.test.ts); |x| ≥ 10 gives ±1, as float32 tanh does.
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
