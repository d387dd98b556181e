#ifndef LEXIFORM_MEMORY_SHIMS_H
#define LEXIFORM_MEMORY_SHIMS_H

/// Asks the processor to bring the cache line holding `address` into its
/// caches ahead of a read and write (`__builtin_prefetch(address, 1, 3)`).
/// A hint only: it never faults, whatever the address. Swift has no
/// prefetch of its own; LexiformUniMorph's duplicate-row set uses this to
/// overlap one row's table probe with the checks of the row before.
static inline void _lexiform_prefetch(const void *_Nonnull address) {
  __builtin_prefetch(address, 1, 3);
}

/// The number of processors in this process's CPU affinity mask (what
/// `taskset` or a container's CPU set allows), or 0 when it cannot be read.
int _lexiform_allowed_processors(void);

#endif
