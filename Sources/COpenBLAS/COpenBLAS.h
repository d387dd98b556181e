// OpenBLAS's CBLAS interface, for the neural inflection model's matrix
// products (cblas_sgemm). Debian: libopenblas-dev.
#ifndef LEXIFORM_COPENBLAS_H
#define LEXIFORM_COPENBLAS_H
#include <cblas.h>
#endif
