#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A copy of a byte string that is replaced over and over (the last lemma,
/// the pending row's lemma and form), in one buffer that only grows: no
/// allocation, uniqueness check or reference counting per copy, as an
/// `[UInt8]` would cost.
final class HeldBytes {
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// How many bytes are held.
  @exclusivity(unchecked) private(set) var count = 0

  init(capacity: Int = 256) {
    self.capacity = max(1, capacity)
    self.base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// The bytes held, valid until the next ``set(_:)``.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Holds a copy of `bytes` instead.
  @inline(__always)
  func set(_ bytes: UnsafeBufferPointer<UInt8>) {
    if bytes.count > capacity {
      base.deallocate()
      capacity = max(bytes.count, capacity * 2)
      base = .allocate(capacity: capacity)
    }
    if let source = bytes.baseAddress, bytes.count > 0 { base.update(from: source, count: bytes.count) }
    count = bytes.count
  }

  /// Whether the bytes held are `bytes`.
  @inline(__always)
  func equals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == count else { return false }
    guard let other = bytes.baseAddress, count > 0 else { return true }
    return memcmp(base, other, count) == 0
  }
}
