internal import _LexiformMemoryShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The rows of a table seen so far, for the validator's duplicate-row
/// check, kept as fingerprints rather than as their bytes.
///
/// A row is identified by its lemma, its form and its bundle's set
/// identity (or, for a bundle that does not parse, its text). Each row is
/// hashed to 128 bits (two 64-bit lanes with different mixing functions
/// over the same words), of which 95 are stored with the row's line in one
/// 16-byte slot; a row is a duplicate when an earlier row has the same 95
/// bits. Storing fingerprints instead of keys halves the memory of a
/// million-row table and makes an insertion one probe of one slot.
///
/// The hash is not cryptographic: rows can be crafted to collide, but for
/// *n* rows of real data the chance that two different rows share a
/// fingerprint (a false duplicate) is about *n*² / 2⁹⁶: 1.3 × 10⁻¹⁷ for a
/// million rows, 1.3 × 10⁻¹¹ for a billion.
///
/// Open addressing with linear probing, load factor ≤ 0.7; 16 bytes per
/// slot, so about 23 bytes per row (32 MB for a million rows).
final class DuplicateRowSet {
  private struct Slot {
    /// Lane a of the fingerprint with its low bit set; 0 marks an empty slot.
    var high: UInt64
    /// The upper 32 bits of lane b.
    var low: UInt32
    /// The row's line, or `UInt32.max` when it is in `largeLines`.
    var line: UInt32
  }

  /// The 95 bits kept of a row's hash.
  struct Fingerprint: Hashable {
    var high: UInt64
    var low: UInt32
  }

  @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
  @exclusivity(unchecked) private var mask: Int
  @exclusivity(unchecked) private var limit: Int
  /// How many rows are stored.
  @exclusivity(unchecked) private(set) var count = 0
  /// Lines at or above `UInt32.max`, by fingerprint.
  @exclusivity(unchecked) private var largeLines: [Fingerprint: Int] = [:]

  /// Creates an empty set.
  /// - Parameter expectedRows: About how many rows it will hold before it first grows.
  init(expectedRows: Int) {
    var size = 1024
    while size * 7 / 10 < expectedRows, size < 1 << 40 { size <<= 1 }
    slots = Self.allocate(size)
    mask = size - 1
    limit = size * 7 / 10
  }

  deinit {
    Self.deallocate(slots, mask + 1)
  }

  /// The fingerprint of a row.
  /// - Parameters:
  ///   - lemma: The lemma's bytes.
  ///   - form: The form's bytes.
  ///   - identity: The bundle's set identity, or a negative number for a
  ///     bundle that does not parse.
  ///   - tags: The bundle's bytes (used only when `identity` is negative).
  @inline(__always)
  static func fingerprint(
    lemma: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>, identity: Int, tags: UnsafeBufferPointer<UInt8>
  ) -> Fingerprint {
    fingerprint(hashing(lemma: lemma, form: form), identity: identity, tags: tags)
  }

  /// The first part of a row's fingerprint: its lemma and form hashed.
  @inline(__always)
  static func hashing(lemma: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>) -> RowHash {
    var hash = RowHash()
    hash.combine(lemma)
    hash.combine(form)
    return hash
  }

  /// A row's fingerprint from ``hashing(lemma:form:)`` and its bundle.
  @inline(__always)
  static func fingerprint(
    _ lemmaAndForm: RowHash, identity: Int, tags: UnsafeBufferPointer<UInt8>
  ) -> Fingerprint {
    var hash = lemmaAndForm
    hash.combine(UInt64(bitPattern: Int64(identity)))
    if identity < 0 { hash.combine(tags) }
    let (a, b) = hash.finished
    return Fingerprint(high: a | 1, low: UInt32(truncatingIfNeeded: b >> 32))
  }

  /// Starts loading the slot where `insert` will look for `fingerprint`
  /// (a hint: the caller does other work before inserting).
  @inline(__always)
  func prefetch(_ fingerprint: Fingerprint) {
    _lexiform_prefetch(slots + (Int(truncatingIfNeeded: fingerprint.high >> 7) & mask))
  }

  /// Adds a row unless one with the same fingerprint is present.
  /// - Parameters:
  ///   - fingerprint: The row's ``fingerprint(lemma:form:identity:tags:)``.
  ///   - line: The row's line.
  /// - Returns: The line of the earlier equal row, or `nil` if the row is new.
  @inline(__always)
  func insert(_ fingerprint: Fingerprint, line: Int) -> Int? {
    let high = fingerprint.high
    let low = fingerprint.low
    var index = Int(truncatingIfNeeded: high >> 7) & mask
    while slots[index].high != 0 {
      if slots[index].high == high && slots[index].low == low {
        let earlier = slots[index].line
        if earlier == UInt32.max { return largeLines[fingerprint] ?? Int(earlier) }
        return Int(earlier)
      }
      index = (index + 1) & mask
    }
    var stored = UInt32.max
    if line < Int(UInt32.max) {
      stored = UInt32(truncatingIfNeeded: line)
    } else {
      largeLines[fingerprint] = line
    }
    slots[index] = Slot(high: high, low: low, line: stored)
    count += 1
    if count > limit { grow() }
    return nil
  }

  private func grow() {
    let oldSlots = slots
    let oldSize = mask + 1
    let size = oldSize * 2
    slots = Self.allocate(size)
    mask = size - 1
    limit = size * 7 / 10
    for i in 0..<oldSize where oldSlots[i].high != 0 {
      var index = Int(truncatingIfNeeded: oldSlots[i].high >> 7) & mask
      while slots[index].high != 0 { index = (index + 1) & mask }
      slots[index] = oldSlots[i]
    }
    Self.deallocate(oldSlots, oldSize)
  }

  /// Empty slots: zeroed pages from `mmap` (large tables, as transparent
  /// huge pages where Linux allows: `MADV_HUGEPAGE`, so that a probe rarely
  /// misses the TLB as well as the cache) or `calloc`. Traps only when
  /// memory is exhausted, as Swift's own allocation does.
  private static func allocate(_ size: Int) -> UnsafeMutablePointer<Slot> {
    let bytes = size * MemoryLayout<Slot>.stride
    let memory: UnsafeMutableRawPointer?
    if bytes >= 1 << 21 {
      let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      memory = mapped == MAP_FAILED ? nil : mapped
      #if os(Linux)
        if let memory { _ = madvise(memory, bytes, Int32(MADV_HUGEPAGE)) }
      #endif
    } else {
      memory = calloc(size, MemoryLayout<Slot>.stride)
    }
    guard let memory else { fatalError("DuplicateRowSet: out of memory for a \(bytes)-byte table") }
    return memory.bindMemory(to: Slot.self, capacity: size)
  }

  private static func deallocate(_ slots: UnsafeMutablePointer<Slot>, _ size: Int) {
    let bytes = size * MemoryLayout<Slot>.stride
    if bytes >= 1 << 21 {
      _ = munmap(slots, bytes)
    } else {
      free(slots)
    }
  }
}

/// A 128-bit hash of a sequence of byte strings and words, as two 64-bit
/// lanes: for each word, lane a xors it in, multiplies by one odd constant
/// and rotates; lane b adds it, multiplies by another and rotates by another
/// amount (each step a bijection of the lane, so sequences that differ in
/// one word never collide); ``finished`` passes lane a through MurmurHash3's
/// 64-bit finalizer and lane b through SplitMix64's. Each byte string enters
/// as its length, then its bytes 8 at a time (a short tail as one word), so
/// that different sequences give different word streams.
struct RowHash {
  private var a: UInt64 = 0x243F_6A88_85A3_08D3
  private var b: UInt64 = 0x1319_8A2E_0370_7344

  @inline(__always)
  mutating func combine(_ word: UInt64) {
    let x = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
    a = x << 29 | x >> 35
    let y = (b &+ word) &* 0xC2B2_AE3D_27D4_EB4F
    b = y << 31 | y >> 33
  }

  /// The two lanes, mixed.
  @inline(__always)
  var finished: (a: UInt64, b: UInt64) {
    var x = a &* 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    x = x &* 0xC4CE_B9FE_1A85_EC53
    x ^= x >> 33
    var y = b ^ (b >> 30)
    y = y &* 0xBF58_476D_1CE4_E5B9
    y ^= y >> 27
    y = y &* 0x94D0_49BB_1331_11EB
    y ^= y >> 31
    return (x, y)
  }

  @inline(__always)
  mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    combine(UInt64(count))
    guard let base = bytes.baseAddress, count > 0 else { return }
    let raw = UnsafeRawPointer(base)
    if count >= 8 {
      var i = 0
      while i + 8 < count {
        combine(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
      }
      // The last 8 bytes, overlapping the previous word (the length tells
      // how much).
      combine(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    } else if count >= 4 {
      let first = UInt64(raw.loadUnaligned(as: UInt32.self))
      let last = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      combine(first | last << 32)
    } else {
      combine(UInt64(base[0]) << 16 | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]))
    }
  }
}
