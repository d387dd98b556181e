#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash table from byte strings to integers, storing its keys in one arena
/// so that a lookup allocates nothing: the UniMorph validator's tag cache and
/// duplicate-row set, the augmentation lexicons' word table.
///
/// Open addressing with linear probing over 16-byte slots (hash, key offset,
/// value), word-at-a-time hashes, load factor ≤ ½; keys are stored once, length
/// first, in an append-only arena.
/// Keys total at most 4 GiB (offsets are 32-bit).
/// - Complexity: lookups and insertions O(key length) expected.
public final class ByteKeyTable {
  private struct Slot {
    /// The key's hash with the low bit set; 0 marks an empty slot.
    var hash: UInt64
    /// Where the key (a 4-byte length, then the bytes) starts in the arena.
    var offset: UInt32
    var value: Int32
  }

  @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
  @exclusivity(unchecked) private var mask: Int
  @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var arenaCount = 0
  @exclusivity(unchecked) private var arenaCapacity: Int
  /// How many keys are stored.
  @exclusivity(unchecked) public private(set) var count = 0

  /// Creates an empty table.
  /// - Parameter capacity: About how many keys it will hold before it first grows.
  public init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(hash: 0, offset: 0, value: 0), count: size)
    mask = size - 1
    arenaCapacity = max(256, capacity * 16)
    arena = .allocate(capacity: arenaCapacity)
  }

  deinit {
    slots.deallocate()
    arena.deallocate()
  }

  /// A multiply–xorshift hash over 8 bytes at a time (the 64-bit finalizer
  /// of MurmurHash3 mixes each word), with the low bit set so that 0 can
  /// mark empty slots.
  @inline(__always)
  private static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return h | 1 }
    var i = 0
    while i + 8 <= key.count {
      h = mix(h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < key.count {
      tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
      shift += 8
      i += 1
    }
    return mix(h ^ tail) | 1
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var x = value &* 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    x = x &* 0xC4CE_B9FE_1A85_EC53
    x ^= x >> 33
    return x
  }

  /// The value stored for `key`, if any.
  /// - Parameter key: The key's bytes.
  /// - Returns: The value, or `nil` when the key is absent.
  /// - Complexity: O(key length) expected; allocates nothing.
  public func value(for key: UnsafeRawBufferPointer) -> Int? {
    let h = Self.hash(key)
    var index = Int(truncatingIfNeeded: h >> 7) & mask
    while slots[index].hash != 0 {
      if slots[index].hash == h && equals(slots[index].offset, key) { return Int(slots[index].value) }
      index = (index + 1) & mask
    }
    return nil
  }

  /// Stores `value` for `key` unless the key is present.
  /// - Parameters:
  ///   - key: The key's bytes (copied into the table).
  ///   - value: The value; it must fit in 32 bits.
  /// - Returns: The value already stored, or `nil` if `value` was stored.
  /// - Complexity: O(key length) expected, amortized.
  @discardableResult
  public func insert(_ key: UnsafeRawBufferPointer, value: Int) -> Int? {
    let h = Self.hash(key)
    var index = Int(truncatingIfNeeded: h >> 7) & mask
    while slots[index].hash != 0 {
      if slots[index].hash == h && equals(slots[index].offset, key) { return Int(slots[index].value) }
      index = (index + 1) & mask
    }
    let offset = store(key)
    slots[index] = Slot(hash: h, offset: UInt32(truncatingIfNeeded: offset), value: Int32(truncatingIfNeeded: value))
    count += 1
    if count * 2 > mask { grow() }
    return nil
  }

  /// Appends a key (length, then bytes) to the arena.
  private func store(_ key: UnsafeRawBufferPointer) -> Int {
    let needed = arenaCount + 4 + key.count
    if needed > arenaCapacity {
      let grown = max(needed, arenaCapacity * 2)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      bigger.update(from: arena, count: arenaCount)
      arena.deallocate()
      arena = bigger
      arenaCapacity = grown
    }
    let offset = arenaCount
    UnsafeMutableRawPointer(arena + offset).storeBytes(of: UInt32(truncatingIfNeeded: key.count), as: UInt32.self)
    if let base = key.baseAddress, key.count > 0 {
      UnsafeMutableRawPointer(arena + offset + 4).copyMemory(from: base, byteCount: key.count)
    }
    arenaCount = needed
    return offset
  }

  @inline(__always)
  private func equals(_ offset: UInt32, _ key: UnsafeRawBufferPointer) -> Bool {
    let start = Int(offset)
    let length = UnsafeRawPointer(arena + start).loadUnaligned(as: UInt32.self)
    guard Int(length) == key.count else { return false }
    guard let base = key.baseAddress, key.count > 0 else { return true }
    return memcmp(arena + start + 4, base, key.count) == 0
  }

  private func grow() {
    let oldSlots = slots
    let oldSize = mask + 1
    let size = oldSize * 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(hash: 0, offset: 0, value: 0), count: size)
    mask = size - 1
    for i in 0..<oldSize where oldSlots[i].hash != 0 {
      var index = Int(truncatingIfNeeded: oldSlots[i].hash >> 7) & mask
      while slots[index].hash != 0 { index = (index + 1) & mask }
      slots[index] = oldSlots[i]
    }
    oldSlots.deallocate()
  }
}
