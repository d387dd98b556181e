// OpenBLAS cblas_sgemm against a plain row-major loop (the same loop Swift's
// default x86-64 target vectorizes to SSE2) at the neural inflection model's
// matrix shapes: why LexiformInflection links OpenBLAS.
//
//   cc -O2 tools/bench/neural_sgemm.c -o /tmp/neural_sgemm -lopenblas && /tmp/neural_sgemm M K N
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void loop(int m, int k, int n, const float *a, const float *b, float *c) {
  for (int i = 0; i < m; i++) {
    float *row = c + (size_t)i * n;
    for (int j = 0; j < n; j++) row[j] = 0;
    for (int p = 0; p < k; p++) {
      float x = a[(size_t)i * k + p];
      const float *brow = b + (size_t)p * n;
      for (int j = 0; j < n; j++) row[j] += x * brow[j];
    }
  }
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: neural_sgemm M K N\n"); return 1; }
  int m = atoi(argv[1]), k = atoi(argv[2]), n = atoi(argv[3]);
  openblas_set_num_threads(1);
  float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n), *c = malloc(sizeof(float) * m * n);
  for (int i = 0; i < m * k; i++) a[i] = (i % 7) * 0.1f;
  for (int i = 0; i < k * n; i++) b[i] = (i % 5) * 0.1f;
  int reps = 2000;
  double t = now();
  for (int r = 0; r < reps; r++)
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n);
  double blas = now() - t;
  t = now();
  for (int r = 0; r < reps; r++) loop(m, k, n, a, b, c);
  double plain = now() - t;
  double flops = 2.0 * m * k * n * reps;
  printf("%dx%dx%d openblas_gflops=%.1f loop_gflops=%.1f\n", m, k, n, flops / blas / 1e9, flops / plain / 1e9);
  return 0;
}
