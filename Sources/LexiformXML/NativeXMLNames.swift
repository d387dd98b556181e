/// Byte classes for the native parser, one bit per question it asks of an
/// ASCII byte; every byte from 0x80 up has the `text`, `attribute` and
/// `nonASCII` bits, so one table look-up stops the scanning loops at
/// anything that needs a closer look. Not API.
enum _XMLByteClass {
  /// Stops a run of character data: `<`, `&`, `]`, CR, control characters, non-ASCII.
  static let text: UInt8 = 1
  /// Stops an attribute value: `<`, `&`, both quotes, TAB, LF, CR, control characters, non-ASCII.
  static let attribute: UInt8 = 2
  /// Can start a name: `A`–`Z`, `a`–`z`, `_`, `:`.
  static let nameStart: UInt8 = 4
  /// Can continue a name: the above and `-`, `.`, `0`–`9`.
  static let name: UInt8 = 8
  /// XML whitespace: space, TAB, LF, CR.
  static let space: UInt8 = 16
  /// From 0x80 up.
  static let nonASCII: UInt8 = 32

  static let table: [UInt8] = (0..<256).map { i -> UInt8 in
    if i >= 0x80 { return text | attribute | nonASCII }
    let c = UInt8(i)
    var bits: UInt8 = 0
    let control = c < 0x20 && c != 0x09 && c != 0x0A
    if control || c == 0x0D || c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == UInt8(ascii: "]") { bits |= text }
    if c < 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
      bits |= attribute
    }
    let letter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    if letter || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") { bits |= nameStart | name }
    if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") { bits |= name }
    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { bits |= space }
    return bits
  }

  /// Whether `c` (from U+0080 up) may start a name (XML 1.0 Fifth Edition, production 4).
  static func isNameStart(_ c: UInt32) -> Bool {
    switch c {
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
      0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
      return true
    default:
      return false
    }
  }

  /// Whether `c` (from U+0080 up) may continue a name (production 4a).
  static func isNameChar(_ c: UInt32) -> Bool {
    isNameStart(c) || c == 0xB7 || (0x300...0x36F).contains(c) || (0x203F...0x2040).contains(c)
  }

  /// Whether `c` is a `Char` (production 2).
  static func isChar(_ c: UInt32) -> Bool {
    switch c {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}

/// The names the native parser has seen, each stored once: qualified names
/// as written, with their prefix and local part as separate entries, and
/// the `String`s made for them. Looked up by the bytes in the input without
/// making a string. Not API.
struct _XMLNameTable {
  struct Entry {
    var start: Int32
    var count: Int32
    /// The entry of the prefix, or -1 when the name has no colon.
    var prefix: Int32
    /// The entry of the local part (the entry itself without a colon).
    var local: Int32
  }

  private(set) var bytes: [UInt8] = []
  private(set) var entries: [Entry] = []
  private(set) var strings: [String] = []
  private var slots = [Int32](repeating: -1, count: 1024)
  private var hashes: [UInt64] = []

  @inline(__always)
  private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01B3 }
    return h
  }

  /// The entry for the `n` bytes at `p`, added when new; `colon` is the
  /// offset of the colon in a qualified name, or -1.
  mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int, colon: Int) -> Int32 {
    let h = Self.hash(p, n)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h >> 7) & mask
    while true {
      let index = slots[slot]
      if index < 0 { break }
      if hashes[Int(index)] == h {
        let e = entries[Int(index)]
        if Int(e.count) == n, bytes.withUnsafeBufferPointer({ memoryEqual($0.baseAddress! + Int(e.start), p, n) }) {
          return index
        }
      }
      slot = (slot + 1) & mask
    }
    var prefix: Int32 = -1
    var local = Int32(entries.count)
    if colon >= 0 {
      prefix = intern(p, colon, colon: -1)
      local = intern(p + colon + 1, n - colon - 1, colon: -1)
    }
    let index = Int32(entries.count)
    entries.append(Entry(start: Int32(bytes.count), count: Int32(n), prefix: prefix, local: local))
    hashes.append(h)
    bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    strings.append(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    insert(index, hash: h)
    if entries.count * 2 > slots.count { rehash() }
    return index
  }

  /// The entry for an ASCII string (for names the parser knows in advance).
  mutating func intern(_ name: StaticString) -> Int32 {
    intern(name.utf8Start, name.utf8CodeUnitCount, colon: -1)
  }

  private mutating func insert(_ index: Int32, hash h: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h >> 7) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = index
  }

  private mutating func rehash() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    for i in entries.indices { insert(Int32(i), hash: hashes[i]) }
  }

  /// Whether the `n` bytes at `p` are entry `index`.
  /// Whether the `n` bytes at `p` (fewer than the name's, or as many) are
  /// the beginning of name `index`.
  func entryBegins(_ index: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let e = entries[Int(index)]
    let k = min(n, Int(e.count))
    return bytes.withUnsafeBufferPointer { memoryEqual($0.baseAddress! + Int(e.start), p, k) }
  }

  func matches(_ index: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let e = entries[Int(index)]
    guard Int(e.count) == n else { return false }
    return bytes.withUnsafeBufferPointer { memoryEqual($0.baseAddress! + Int(e.start), p, n) }
  }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  var i = 0
  while i + 8 <= n {
    if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
      return false
    }
    i += 8
  }
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}
