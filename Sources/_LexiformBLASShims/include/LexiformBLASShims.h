// OpenBLAS's single-precision matrix product, loaded on first use.
//
// The neural inflection model is the only user of OpenBLAS, and linking it
// into the `lexiform` executable made every command pay for it at start-up:
// about 16,000 symbol relocations in the dynamic loader, libgfortran and
// libquadmath, and a worker thread spinning in sched_yield. So OpenBLAS is
// opened with dlopen(3) the first time a product is computed. When it
// cannot be opened, the same product is computed by a plain loop (slower,
// same results up to rounding), so that inflection still works.
//
// Plain C types only; `<cblas.h>` is not included anywhere.
#ifndef LEXIFORM_BLAS_SHIMS_H
#define LEXIFORM_BLAS_SHIMS_H

#include <stdint.h>

/// C = alpha * op(A) * op(B) + beta * C, row-major (cblas_sgemm with
/// CblasRowMajor). `transpose_a` and `transpose_b` are 0 or 1.
void _lexiform_blas_sgemm(
    int32_t transpose_a, int32_t transpose_b, int32_t m, int32_t n, int32_t k, float alpha,
    const float *_Nonnull a, int32_t lda, const float *_Nonnull b, int32_t ldb, float beta,
    float *_Nonnull c, int32_t ldc);

/// The plain loop that ``_lexiform_blas_sgemm`` falls back to without
/// OpenBLAS (exposed so that tests can compare the two).
void _lexiform_blas_sgemm_loop(
    int32_t transpose_a, int32_t transpose_b, int32_t m, int32_t n, int32_t k, float alpha,
    const float *_Nonnull a, int32_t lda, const float *_Nonnull b, int32_t ldb, float beta,
    float *_Nonnull c, int32_t ldc);

/// 1 when OpenBLAS was (or can be) loaded, 0 when products fall back to the
/// plain loop. Loads it if that was not done yet.
int32_t _lexiform_blas_is_openblas(void);

#endif
