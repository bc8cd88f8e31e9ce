/*
 * Loss Lab's own WebAssembly SIMD kernels, run on TensorFlow.js's WASM heap: what the files of native/wasm
 * share.
 *
 * scripts/build-wasm-kernels.sh builds the .c files of native/wasm into
 * src/main/core/training/kernels/generated/loss-lab-kernels.wasm.
 * The module imports tfjs's own memory and works on tensor pointers from the tfjs WASM backend, so no data is
 * copied. It must therefore own nothing in that memory: no static data, no stack, no libc (the build checks
 * that the code never touches the stack pointer). Scratch memory, where a kernel needs some, is a tensor the
 * caller allocates.
 *
 * The kernels compute in IEEE single precision without fused multiply-adds. Adam and the pixel scaling equal
 * tfjs's own results bit for bit; the matrix products sum in a different order from XNNPACK's and are
 * compared within 1e-5.
 */
#ifndef LOSS_LAB_KERNELS_H
#define LOSS_LAB_KERNELS_H

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

/* elementwise.c */
void tanh_f32(const float *x, float *out, int n);

/* dense.c: out[r][j] = sum_k a[r][k]·b[k][j] (+ bias[j]; then max(0, ·) when relu); bias may be 0. */
void gemm(const float *restrict a, const float *restrict b, const float *restrict bias, float *restrict out, int rows, int depth, int cols, int relu);

/* sparse.c */
int mostly_zero(const float *x, int n);
void sparse_rows_gemm(const float *restrict x, const float *restrict w, const float *restrict bias, float *restrict out, int *restrict nz, int rows, int in, int units, int relu);
void sparse_weight_grad(const float *restrict x, const float *restrict dz, float *restrict dw, int *restrict scratch, int rows, int in, int units);

#endif
