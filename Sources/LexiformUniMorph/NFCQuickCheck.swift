import LexiformUnicode

/// A quick test that UTF-8 text is in Unicode Normalization Form C, on its
/// bytes and without creating strings, after the quick-check algorithm of
/// UAX #15 §9 (Unicode 15.1): text whose every code point has NFC_Quick_Check
/// = Yes and canonical combining class 0 is in NFC.
///
/// Such code points are called *inert* here. Everything below U+0300 is
/// inert (the first combining mark is U+0300), so ASCII and Latin-1 text is
/// decided from its bytes alone. Above it, whether a code point is inert is
/// asked of ICU once per code point and remembered: it is when ICU says that
/// NFC has a boundary before it (`unorm2_hasBoundaryBefore`: NFC_QC ≠ Maybe,
/// combining class 0) *and* NFC leaves it unchanged on its own (NFC_QC ≠ No),
/// and Swift agrees that its combining class is 0.
///
/// Text with a code point that is not inert goes to ICU's quick check
/// (`unorm2_spanQuickCheckYes`) in UTF-16, without creating a string; text
/// that it does not pass whole (a character with NFC_QC = Maybe or No, or
/// marks out of canonical order) gets `nil`: the caller then normalizes it to
/// decide.
///
/// - Complexity: O(*n*) in the bytes; one ICU query per distinct code point
///   at or above U+0300, the first time it is seen.
final class NFCQuickCheck {
  private let normalizer: Normalizer?
  /// Basic Multilingual Plane code points: 0 not yet known, 1 inert, 2 not.
  @exclusivity(unchecked) private var states = [UInt8](repeating: 0, count: 0x1_0000)
  /// The same for the supplementary planes, which text rarely uses.
  @exclusivity(unchecked) private var supplementary: [UInt32: Bool] = [:]

  init(normalizer: Normalizer?) {
    self.normalizer = normalizer
  }

  /// Reused for ICU's quick check.
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

  private func slowCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var i = 0
    let count = bytes.count
    while i < count {
      if bytes[i] < 0x80 {
        i += 1
        continue
      }
      let (scalar, length) = Self.decode(bytes, at: i)
      i += length
      guard scalar >= 0x300 else { continue }
      if scalar < 0x1_0000 {
        var state = states[Int(scalar)]
        if state == 0 {
          state = isInert(scalar) ? 1 : 2
          states[Int(scalar)] = state
        }
        if state != 1 { return spanCheck(bytes) }
      } else {
        let inert: Bool
        if let known = supplementary[scalar] {
          inert = known
        } else {
          inert = isInert(scalar)
          supplementary[scalar] = inert
        }
        if !inert { return spanCheck(bytes) }
      }
    }
    return true
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
    // `utf16` holds the text (filled by the quick check).
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

  /// ICU's quick check over the whole text: `true` when all of it passes,
  /// else `nil` (`utf16` then holds the text).
  private func spanCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let normalizer else { return nil }
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
    let span = utf16.withUnsafeBufferPointer { try? normalizer.normalizedPrefixLength(utf16: $0) }
    return span == utf16.count ? true : nil
  }

  /// NFC_QC = Yes and combining class 0.
  private func isInert(_ value: UInt32) -> Bool {
    guard let normalizer, let scalar = Unicode.Scalar(value) else { return false }
    guard scalar.properties.canonicalCombiningClass == .notReordered, normalizer.hasBoundary(before: scalar) else {
      return false
    }
    let text = String(Character(scalar))
    guard let normalized = try? normalizer.normalize(text) else { return false }
    return normalized.unicodeScalars.elementsEqual(text.unicodeScalars)
  }
}
