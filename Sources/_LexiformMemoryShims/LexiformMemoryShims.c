// The shim is header-only (a static inline function); SwiftPM needs one
// source file in a C target.
#include "LexiformMemoryShims.h"
