// CPU_COUNT and sched_getaffinity are GNU extensions (and CPU_COUNT a
// macro), which Swift's Glibc module does not import.
#define _GNU_SOURCE
#include <sched.h>
#include "LexiformMemoryShims.h"

int _lexiform_allowed_processors(void) {
#if defined(__linux__)
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof(mask), &mask) != 0) return 0;
  return CPU_COUNT(&mask);
#else
  return 0;
#endif
}
