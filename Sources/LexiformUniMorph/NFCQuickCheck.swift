import LexiformUnicode

/// A quick test that UTF-8 text is in Unicode Normalization Form C, on its
/// bytes and without creating strings: the quick-check algorithm of UAX #15
/// §9 (Unicode 15.1). Text passes when every code point has NFC_Quick_Check
/// = Yes and the combining marks of each run are in canonical order
/// (non-decreasing canonical combining class); such text is in NFC.
///
/// Everything below U+0300 (the first combining mark) has NFC_QC = Yes and
/// combining class 0, so ASCII and Latin-1 text is decided from its bytes
/// alone. Above it, each code point's NFC_QC and combining class are asked
/// of ICU once, the first time the code point is seen, and remembered.
///
/// Text that does not pass (a code point with NFC_QC = No or Maybe, or
/// marks out of order) gets `nil` from ``isSurelyNFC(_:)``: ``isNFC(_:)``
/// then normalizes it with ICU, in UTF-16 and without creating strings, and
/// compares.
///
/// - Complexity: O(*n*) in the bytes; one ICU query per distinct code point
///   at or above U+0300, the first time it is seen.
final class NFCQuickCheck {
  private let normalizer: Normalizer?
  /// Basic Multilingual Plane code points: 0 not yet known, else
  /// `known | quickCheck << 8 | combiningClass` (see ``properties(_:)``).
  @exclusivity(unchecked) private var states = [UInt16](repeating: 0, count: 0x1_0000)
  /// The same for the supplementary planes, which text rarely uses.
  @exclusivity(unchecked) private var supplementary: [UInt32: UInt16] = [:]

  private static let known: UInt16 = 0x8000
  /// NFC_QC = Yes, in bits 8–9.
  private static let yes: UInt16 = 0x0100

  /// Bit `lead - 0xC0` is set when every code point of two-byte lead byte
  /// `lead` has NFC_QC = Yes and combining class 0 (Cyrillic, Armenian, …),
  /// so such characters are passed over without a look-up.
  private let simpleLeads: UInt64

  init(normalizer: Normalizer?) {
    self.normalizer = normalizer
    var leads: UInt64 = 0
    if normalizer != nil {
      for lead: UInt32 in 0xC2...0xDF {
        let first = (lead & 0x1F) << 6
        if (first..<(first + 64)).allSatisfy({ Self.lookUp($0, normalizer) & 0x03FF == Self.yes }) {
          leads |= 1 << UInt64(lead - 0xC0)
        }
      }
    }
    simpleLeads = leads
  }

  /// Reused for ICU's normalization: the text in UTF-16 (its first code units).
  @exclusivity(unchecked) private var utf16: [UInt16] = []

  /// `true` when the UTF-8 text is surely in NFC, `nil` when the quick
  /// check cannot tell (the text may or may not be NFC).
  /// - Parameter bytes: Valid UTF-8.
  @inline(__always)
  func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    // Nothing at or above U+0300 (lead byte 0xCC or more): NFC. Looked for
    // 8 bytes at a time, the last word overlapping the one before.
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var i = 0
    while i + 8 <= count {
      if Self.hasByteFromCC(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return slowCheck(bytes) }
      i += 8
    }
    if i < count {
      if count >= 8 {
        if Self.hasByteFromCC(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) { return slowCheck(bytes) }
      } else {
        for j in i..<count where base[j] >= 0xCC { return slowCheck(bytes) }
      }
    }
    return true
  }

  /// Whether a byte of the word is 0xCC or more: its high bit is set and
  /// its low 7 bits plus 0x34 reach 0x80 (without carrying into the next byte).
  @inline(__always)
  private static func hasByteFromCC(_ word: UInt64) -> Bool {
    ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080 != 0
  }

  /// UAX #15's quick check over the code points: `true` for YES, `nil`
  /// for NO or MAYBE.
  private func slowCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var i = 0
    let count = bytes.count
    var lastClass: UInt16 = 0
    while i < count {
      let lead = bytes[i]
      if lead < 0xCC || (lead < 0xE0 && simpleLeads >> UInt64(lead &- 0xC0) & 1 != 0) {
        // Below U+0300 (ASCII, or 2 bytes from 0xC2 to 0xCB), or a two-byte
        // lead whose code points are all simple: class 0, NFC_QC = Yes.
        lastClass = 0
        i &+= lead < 0x80 ? 1 : 2
        continue
      }
      let scalar: UInt32
      if lead < 0xE0, i &+ 1 < count {
        scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
        i &+= 2
      } else {
        let (decoded, length) = Self.decode(bytes, at: i)
        scalar = decoded
        i &+= length
      }
      let state = properties(scalar)
      let combiningClass = state & 0xFF
      if state & 0x0300 != Self.yes { return nil }
      if combiningClass != 0 && lastClass > combiningClass { return nil }
      lastClass = combiningClass
    }
    return true
  }

  /// A code point's NFC_QC and canonical combining class, from ICU (NFC_QC
  /// = No where ICU is unavailable: the caller then decides as ICU would).
  @inline(__always)
  private func properties(_ scalar: UInt32) -> UInt16 {
    if scalar < 0x1_0000 {
      let state = states[Int(scalar)]
      if state != 0 { return state }
      let found = Self.lookUp(scalar, normalizer)
      states[Int(scalar)] = found
      return found
    }
    if let state = supplementary[scalar] { return state }
    let found = Self.lookUp(scalar, normalizer)
    supplementary[scalar] = found
    return found
  }

  private static func lookUp(_ value: UInt32, _ normalizer: Normalizer?) -> UInt16 {
    guard normalizer != nil, let scalar = Unicode.Scalar(value) else { return known }
    let quickCheck = UnicodeProperty.nfcQuickCheck.value(for: scalar)
    let combiningClass = UnicodeProperty.canonicalCombiningClass.value(for: scalar)
    guard (0...2).contains(quickCheck), (0...254).contains(combiningClass) else { return known }
    return known | UInt16(quickCheck) << 8 | UInt16(combiningClass)
  }

  /// The code point starting at byte `i` of valid UTF-8, and its length in
  /// bytes; a sequence cut short by the end reads as U+FFFD.
  @inline(__always)
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let lead = UInt32(bytes[i])
    let count = bytes.count
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 {
      guard i + 1 < count else { return (0xFFFD, 1) }
      return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
    }
    if lead < 0xF0 {
      guard i + 2 < count else { return (0xFFFD, count - i) }
      return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
    }
    guard i + 3 < count else { return (0xFFFD, count - i) }
    let scalar =
      (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
      | UInt32(bytes[i + 3] & 0x3F)
    return (scalar, 4)
  }

  /// Whether the UTF-8 text is in NFC: the quick check, then, when it
  /// cannot tell, ICU's normalization of the text compared with the text, in
  /// UTF-16 and without creating strings (`true` when ICU is unavailable or
  /// fails, as ``UniMorphValidator`` did before).
  func isNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if let sure = isSurelyNFC(bytes) { return sure }
    guard let normalizer else { return true }
    // UTF-16 has at most as many code units as UTF-8 has bytes.
    if utf16.count < bytes.count { utf16 = [UInt16](repeating: 0, count: max(bytes.count, 2 * utf16.count)) }
    let length = utf16.withUnsafeMutableBufferPointer { units -> Int in
      var i = 0
      var n = 0
      while i < bytes.count {
        let (scalar, length) = Self.decode(bytes, at: i)
        i += length
        if scalar < 0x1_0000 {
          units[n] = UInt16(truncatingIfNeeded: scalar)
          n += 1
        } else {
          let value = scalar - 0x1_0000
          units[n] = UInt16(truncatingIfNeeded: 0xD800 + (value >> 10))
          units[n + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (value & 0x3FF))
          n += 2
        }
      }
      return n
    }
    normalized.removeAll(keepingCapacity: true)
    return utf16.withUnsafeBufferPointer { units in
      let text = UnsafeBufferPointer(rebasing: units[..<length])
      do {
        try normalizer.normalize(utf16: text, appendingTo: &normalized)
      } catch {
        return true
      }
      return normalized.elementsEqual(text)
    }
  }

  /// Reused for normalized text.
  @exclusivity(unchecked) private var normalized: [UInt16] = []
}
