internal import _LexiformMemoryShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The validator's table of distinct feature strings (each row looks its
/// features up once): byte strings → integers, with each key stored in its
/// slot, so that a lookup reads one cache line.
///
/// A table has some thousands of distinct feature strings, a million-row
/// table looks them up a million times, and a lookup that reads a slot and
/// then the key elsewhere misses the cache twice. Here a slot is one 64-byte
/// line: a 32-bit hash, the value, the length and up to 52 bytes of key
/// (98% of the SIGMORPHON bundles); a longer key is kept in an arena and
/// the slot holds its offset.
///
/// Open addressing with linear probing, load factor ≤ ½; keys total at most
/// 4 GiB.
final class TagTable {
  private static let slotSize = 64
  private static let inlineCapacity = 52

  @exclusivity(unchecked) private var slots: UnsafeMutableRawPointer
  @exclusivity(unchecked) private var mask: Int
  @exclusivity(unchecked) private var arena: [UInt8] = []
  /// How many keys are stored.
  @exclusivity(unchecked) private(set) var count = 0

  /// Creates an empty table.
  /// - Parameter capacity: About how many keys it will hold before it first grows.
  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Self.allocate(size)
    mask = size - 1
  }

  deinit {
    free(slots)
  }

  private static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
    guard let memory = calloc(size, slotSize) else {
      fatalError("TagTable: out of memory for \(size) slots")
    }
    return memory
  }

  /// The key's hash, never 0: the upper 32 bits of ``RowHash``'s lane a.
  @inline(__always)
  static func hash(_ key: UnsafeRawBufferPointer) -> UInt32 {
    var hash = RowHash()
    hash.combine(UnsafeBufferPointer(start: key.baseAddress?.assumingMemoryBound(to: UInt8.self), count: key.count))
    return UInt32(truncatingIfNeeded: hash.finished.a >> 32) | 1
  }

  @inline(__always)
  private func slot(_ index: Int) -> UnsafeMutableRawPointer {
    slots + index * Self.slotSize
  }

  /// Whether the slot holds `key` (its hash and length already match).
  @inline(__always)
  private func holds(_ slot: UnsafeMutableRawPointer, _ key: UnsafeRawBufferPointer) -> Bool {
    guard let base = key.baseAddress, key.count > 0 else { return true }
    if key.count <= Self.inlineCapacity { return memcmp(slot + 12, base, key.count) == 0 }
    let offset = Int(slot.load(fromByteOffset: 12, as: UInt32.self))
    return arena.withUnsafeBytes { stored in
      guard let start = stored.baseAddress, offset + key.count <= stored.count else { return false }
      return memcmp(start + offset, base, key.count) == 0
    }
  }

  /// Starts loading the slot where a lookup of a key with this
  /// ``hash(_:)`` begins (a hint: the caller does other work first).
  @inline(__always)
  func prefetch(_ hash: UInt32) {
    _lexiform_prefetch(slot(Int(hash >> 1) & mask))
  }

  /// The value stored for `key`, if any.
  /// - Complexity: O(key length) expected; allocates nothing.
  @inline(__always)
  func value(for key: UnsafeRawBufferPointer) -> Int? {
    value(for: key, hash: Self.hash(key))
  }

  /// The value stored for `key`, whose ``hash(_:)`` is known, if any.
  @inline(__always)
  func value(for key: UnsafeRawBufferPointer, hash: UInt32) -> Int? {
    var index = Int(hash >> 1) & mask
    while true {
      let slot = slot(index)
      let stored = slot.load(as: UInt32.self)
      if stored == 0 { return nil }
      if stored == hash && Int(slot.load(fromByteOffset: 8, as: UInt32.self)) == key.count && holds(slot, key) {
        return Int(slot.load(fromByteOffset: 4, as: Int32.self))
      }
      index = (index + 1) & mask
    }
  }

  /// Stores `value` for `key`, which must not be present.
  /// - Parameters:
  ///   - key: The key's bytes (copied into the table).
  ///   - value: The value; it must fit in 32 bits.
  func insert(_ key: UnsafeRawBufferPointer, value: Int) {
    let hash = Self.hash(key)
    var index = Int(hash >> 1) & mask
    while slot(index).load(as: UInt32.self) != 0 { index = (index + 1) & mask }
    let slot = slot(index)
    slot.storeBytes(of: hash, as: UInt32.self)
    slot.storeBytes(of: Int32(truncatingIfNeeded: value), toByteOffset: 4, as: Int32.self)
    slot.storeBytes(of: UInt32(truncatingIfNeeded: key.count), toByteOffset: 8, as: UInt32.self)
    if key.count <= Self.inlineCapacity {
      if let base = key.baseAddress, key.count > 0 { (slot + 12).copyMemory(from: base, byteCount: key.count) }
    } else {
      slot.storeBytes(of: UInt32(truncatingIfNeeded: arena.count), toByteOffset: 12, as: UInt32.self)
      arena.append(contentsOf: key)
    }
    count += 1
    if count * 2 > mask { grow() }
  }

  private func grow() {
    let oldSlots = slots
    let oldSize = mask + 1
    let size = oldSize * 2
    slots = Self.allocate(size)
    mask = size - 1
    for i in 0..<oldSize {
      let old = oldSlots + i * Self.slotSize
      let hash = old.load(as: UInt32.self)
      guard hash != 0 else { continue }
      var index = Int(hash >> 1) & mask
      while slot(index).load(as: UInt32.self) != 0 { index = (index + 1) & mask }
      slot(index).copyMemory(from: old, byteCount: Self.slotSize)
    }
    free(oldSlots)
  }
}
