/// A growable byte buffer for writing JSON text fast: appends are a capacity
/// check and a copy into memory the buffer owns, without the uniqueness
/// checks of `[UInt8]`. For encoders that place their own commas (the JSON
/// lines writer); ``JSONWriter`` is the general interface.
///
/// Strings are escaped exactly as ``JSONWriter`` escapes them (RFC 8259 §7).
/// Not thread-safe; one buffer per writer.
final class JSONByteBuffer {
  // Unchecked: a buffer is used from one thread, and dynamic exclusivity
  // checks would cost more than the appends themselves.
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// The number of bytes written.
  @exclusivity(unchecked) private(set) var count = 0

  /// Creates an empty buffer.
  /// - Parameter capacity: The initial capacity in bytes (it grows as needed).
  init(capacity: Int = 1 << 16) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Forgets the bytes written, keeping the memory.
  func removeAll() { count = 0 }

  /// Calls `body` with the bytes written so far.
  func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }

  @inline(__always)
  private func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always)
  func byte(_ b: UInt8) {
    reserve(1)
    base[count] = b
    count += 1
  }

  /// Appends bytes as they are.
  @inline(__always)
  func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Appends compile-time text as it is (JSON punctuation and member names).
  @inline(__always)
  func raw(_ text: StaticString) {
    raw(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a string's UTF-8 as it is (a number's text).
  func text(_ value: String) {
    var value = value
    value.withUTF8 { raw($0) }
  }

  /// Appends an integer in decimal.
  func int(_ value: Int) {
    text(String(value))
  }

  /// Appends `"value"`, escaped: `"` and `\` with a backslash, U+0000–U+001F
  /// as `\b \f \n \r \t` or `\u00XX`, everything else as UTF-8.
  func quoted(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      // The common case: nothing to escape, one copy.
      reserve(utf8.count + 2)
      base[count] = UInt8(ascii: "\"")
      count += 1
      var runStart = 0
      for k in 0..<utf8.count {
        let b = utf8[k]
        guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
        if runStart < k { raw(UnsafeBufferPointer(rebasing: utf8[runStart..<k])) }
        runStart = k + 1
        escape(b)
      }
      if runStart < utf8.count { raw(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
      byte(UInt8(ascii: "\""))
    }
  }

  private static let hexDigits: StaticString = "0123456789abcdef"

  private func escape(_ b: UInt8) {
    byte(UInt8(ascii: "\\"))
    switch b {
    case 0x22: byte(0x22)
    case 0x5C: byte(0x5C)
    case 0x08: byte(UInt8(ascii: "b"))
    case 0x0C: byte(UInt8(ascii: "f"))
    case 0x0A: byte(UInt8(ascii: "n"))
    case 0x0D: byte(UInt8(ascii: "r"))
    case 0x09: byte(UInt8(ascii: "t"))
    default:
      raw("u00")
      byte(Self.hexDigits.utf8Start[Int(b >> 4)])
      byte(Self.hexDigits.utf8Start[Int(b & 0xF)])
    }
  }
}
