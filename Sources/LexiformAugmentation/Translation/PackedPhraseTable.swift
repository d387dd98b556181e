/// Phrases of two or three words as one 64-bit key (word ids + 1, 21 bits
/// each) → candidate list: one probe of an open-addressing table, where a
/// byte-string table would hash and compare bytes. Linear probing, load ≤ ½.
final class PackedPhraseTable {
  /// Ids must be below this to be packed.
  static let idLimit: Int32 = (1 << 21) - 1
  private var keys: UnsafeMutableBufferPointer<UInt64>
  private var values: UnsafeMutableBufferPointer<Int32>
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = .allocate(capacity: size)
    keys.initialize(repeating: 0)
    values = .allocate(capacity: size)
    values.initialize(repeating: -1)
    mask = size - 1
  }

  deinit {
    keys.deallocate()
    values.deallocate()
  }

  /// The key of two or three ids, or `nil` when they cannot be packed.
  @inline(__always)
  static func key(_ a: Int32, _ b: Int32, _ c: Int32? = nil) -> UInt64? {
    guard a >= 0, b >= 0, a < idLimit, b < idLimit else { return nil }
    var key = UInt64(a + 1) | (UInt64(b + 1) << 21)
    if let c {
      guard c >= 0, c < idLimit else { return nil }
      key |= UInt64(c + 1) << 42
    }
    return key
  }

  @inline(__always)
  private func slot(_ key: UInt64) -> Int {
    var x = key &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    return Int(truncatingIfNeeded: x) & mask
  }

  /// The list stored for `key`, or −1.
  @inline(__always)
  func value(_ key: UInt64) -> Int32 {
    var index = slot(key)
    while true {
      let found = keys[index]
      if found == key { return values[index] }
      if found == 0 { return -1 }
      index = (index + 1) & mask
    }
  }

  /// Stores a list for `key` (replacing any).
  func insert(_ key: UInt64, _ value: Int32) {
    var index = slot(key)
    while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
    if keys[index] == 0 { count += 1 }
    keys[index] = key
    values[index] = value
    if count * 2 > mask { grow() }
  }

  private func grow() {
    let oldKeys = keys
    let oldValues = values
    let size = (mask + 1) * 2
    keys = .allocate(capacity: size)
    keys.initialize(repeating: 0)
    values = .allocate(capacity: size)
    values.initialize(repeating: -1)
    mask = size - 1
    for i in oldKeys.indices where oldKeys[i] != 0 {
      var index = slot(oldKeys[i])
      while keys[index] != 0 { index = (index + 1) & mask }
      keys[index] = oldKeys[i]
      values[index] = oldValues[i]
    }
    oldKeys.deallocate()
    oldValues.deallocate()
  }
}
