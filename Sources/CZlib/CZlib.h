// zlib, for reading `.gz` input transparently.
#ifndef LEXIFORM_CZLIB_H
#define LEXIFORM_CZLIB_H
#include <zlib.h>

// `inflateInit2` is a macro; Swift needs a function.
static inline int _lexiform_inflateInit2(z_streamp _Nonnull strm, int windowBits) {
  return inflateInit2(strm, windowBits);
}
#endif
