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

  init(normalizer: Normalizer?) {
    self.normalizer = normalizer
  }

  /// Reused for ICU's normalization: the text, then its normalized form.
  @exclusivity(unchecked) private var utf16: [UInt16] = []

  /// `true` when the UTF-8 text is surely in NFC, `nil` when the quick
  /// check cannot tell (the text may or may not be NFC).
  /// - Parameter bytes: Valid UTF-8.
  @inline(__always)
  func isSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    // Nothing at or above U+0300 (lead byte 0xCC or more): NFC. ASCII
    // runs are skipped 8 bytes at a time.
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var i = 0
    while i + 8 <= count,
      UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      i += 8
    }
    while i < count {
      if base[i] >= 0xCC { return slowCheck(bytes) }
      i += 1
    }
    return true
  }

  /// UAX #15's quick check over the code points: `true` for YES, `nil`
  /// for NO or MAYBE.
  private func slowCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var i = 0
    let count = bytes.count
    var lastClass: UInt16 = 0
    while i < count {
      if bytes[i] < 0x80 {
        lastClass = 0
        i += 1
        continue
      }
      let (scalar, length) = Self.decode(bytes, at: i)
      i += length
      guard scalar >= 0x300 else {
        lastClass = 0
        continue
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
    utf16.removeAll(keepingCapacity: true)
    var i = 0
    while i < bytes.count {
      let (scalar, length) = Self.decode(bytes, at: i)
      i += length
      if scalar < 0x1_0000 {
        utf16.append(UInt16(truncatingIfNeeded: scalar))
      } else {
        let value = scalar - 0x1_0000
        utf16.append(UInt16(truncatingIfNeeded: 0xD800 + (value >> 10)))
        utf16.append(UInt16(truncatingIfNeeded: 0xDC00 + (value & 0x3FF)))
      }
    }
    normalized.removeAll(keepingCapacity: true)
    do {
      try utf16.withUnsafeBufferPointer { try normalizer.normalize(utf16: $0, appendingTo: &normalized) }
    } catch {
      return true
    }
    return normalized == utf16
  }

  /// Reused for normalized text.
  @exclusivity(unchecked) private var normalized: [UInt16] = []
}
