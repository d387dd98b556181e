// See LexiformBLASShims.h.
#include "LexiformBLASShims.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// CBLAS's values (cblas.h): CblasRowMajor = 101, CblasNoTrans = 111,
// CblasTrans = 112.
enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int, float,
                         float *, int);
typedef void (*set_threads_fn)(int);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static sgemm_fn openblas_sgemm = NULL;

static void load_openblas(void) {
  const char *names[] = {"libopenblas.so.0", "libopenblas.so"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    void *handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) continue;
    sgemm_fn sgemm = (sgemm_fn)dlsym(handle, "cblas_sgemm");
    set_threads_fn set_threads = (set_threads_fn)dlsym(handle, "openblas_set_num_threads");
    if (sgemm == NULL) {
      dlclose(handle);
      continue;
    }
    // The trainer runs its own threads over fixed shards of each batch, so
    // that results do not depend on the thread count: OpenBLAS gets one.
    if (set_threads != NULL) set_threads(1);
    openblas_sgemm = sgemm;
    return;
  }
}

int32_t _lexiform_blas_is_openblas(void) {
  pthread_once(&load_once, load_openblas);
  return openblas_sgemm != NULL;
}

void _lexiform_blas_sgemm(
    int32_t transpose_a, int32_t transpose_b, int32_t m, int32_t n, int32_t k, float alpha,
    const float *a, int32_t lda, const float *b, int32_t ldb, float beta, float *c, int32_t ldc) {
  pthread_once(&load_once, load_openblas);
  if (openblas_sgemm != NULL) {
    openblas_sgemm(ROW_MAJOR, transpose_a ? TRANS : NO_TRANS, transpose_b ? TRANS : NO_TRANS, m, n, k, alpha, a,
                   lda, b, ldb, beta, c, ldc);
    return;
  }
  _lexiform_blas_sgemm_loop(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void _lexiform_blas_sgemm_loop(
    int32_t transpose_a, int32_t transpose_b, int32_t m, int32_t n, int32_t k, float alpha,
    const float *a, int32_t lda, const float *b, int32_t ldb, float beta, float *c, int32_t ldc) {
  // The fallback: the textbook triple loop, row-major, i-p-j order so that
  // the inner loop runs along rows of B and C.
  for (int32_t i = 0; i < m; i++) {
    float *row = c + (ptrdiff_t)i * ldc;
    if (beta == 0) {
      for (int32_t j = 0; j < n; j++) row[j] = 0;
    } else if (beta != 1) {
      for (int32_t j = 0; j < n; j++) row[j] *= beta;
    }
    for (int32_t p = 0; p < k; p++) {
      float x = alpha * (transpose_a ? a[(ptrdiff_t)p * lda + i] : a[(ptrdiff_t)i * lda + p]);
      if (transpose_b) {
        for (int32_t j = 0; j < n; j++) row[j] += x * b[(ptrdiff_t)j * ldb + p];
      } else {
        const float *brow = b + (ptrdiff_t)p * ldb;
        for (int32_t j = 0; j < n; j++) row[j] += x * brow[j];
      }
    }
  }
}
