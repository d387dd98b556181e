public import LexiformCore

/// One aligned unit: the same content in two or more languages.
///
/// Moses and TSV give two sides per segment; TMX units and n-way Bible
/// alignments may give more.
public struct ParallelSegment: Hashable, Sendable {
  /// The unit's id, if the format has one (a verse id `b.MAT.1.1`, a TMX
  /// `tuid`, an XCES link's `xtargets`).
  public var id: String?
  /// The text of each side, in the order of ``languages``.
  public var texts: [String]
  /// The language of each side (BCP 47 or ISO 639), empty when unknown.
  public var languages: [String]
  /// Properties of the unit (TMX `<prop type="…">`), in file order.
  public var properties: [ParallelProperty]
  /// Where the unit is in its (first) input.
  public var location: SourceLocation?

  /// Creates a segment.
  /// - Parameters:
  ///   - id: The unit's id, if any.
  ///   - texts: The text of each side.
  ///   - languages: The language of each side (empty strings when unknown).
  ///   - properties: Properties of the unit.
  ///   - location: Where the unit is.
  public init(
    id: String? = nil, texts: [String], languages: [String] = [], properties: [ParallelProperty] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.texts = texts
    self.languages = languages.count == texts.count ? languages : texts.indices.map { i in i < languages.count ? languages[i] : "" }
    self.properties = properties
    self.location = location
  }

  /// The text in a language (exact match, case-insensitive, then the first
  /// side whose base language matches: `en` finds `en-GB`).
  /// - Parameter language: A language tag.
  /// - Returns: That side's text, or `nil` when the segment has none.
  public func text(in language: String) -> String? {
    index(of: language).map { texts[$0] }
  }

  /// The index of the side in a language, as ``text(in:)`` finds it.
  /// - Parameter language: A language tag.
  /// - Returns: The side's index, or `nil`.
  public func index(of language: String) -> Int? {
    if let exact = languages.firstIndex(of: language) { return exact }
    let wanted = language.lowercased()
    if let exact = languages.firstIndex(where: { $0.lowercased() == wanted }) { return exact }
    let base = baseLanguage(wanted)
    return languages.firstIndex { baseLanguage($0.lowercased()) == base }
  }
}

/// A named property of a unit: TMX `<prop type="x-domain">law</prop>`.
public struct ParallelProperty: Hashable, Sendable {
  /// The property's type.
  public var type: String
  /// Its value.
  public var value: String
  /// The language the property is about (`<prop>` inside a `<tuv>`), if any.
  public var language: String?

  /// Creates a property.
  /// - Parameters:
  ///   - type: The property's type.
  ///   - value: Its value.
  ///   - language: The `<tuv>` language it belongs to, or `nil` for the unit.
  public init(type: String, value: String, language: String? = nil) {
    self.type = type
    self.value = value
    self.language = language
  }
}

/// A streaming reader of aligned segments.
///
/// Call ``next()`` until it returns `nil`. In lenient mode a bad record is
/// skipped and counted in ``skipped``; otherwise it is a
/// ``ParallelTextError`` naming its file and line.
public protocol ParallelReader: AnyObject {
  /// The languages of the sides, as far as known so far (empty strings for
  /// unknown ones).
  var languages: [String] { get }
  /// What lenient mode skipped, and (in any mode) what the format reports
  /// without failing, such as empty verses.
  var skipped: SkipCounter { get }
  /// Reads the next segment.
  /// - Returns: The segment, or `nil` at the end of the input.
  /// - Throws: ``ParallelTextError`` for bad input (strict mode) or an
  ///   unreadable file.
  func next() throws(ParallelTextError) -> ParallelSegment?
}

/// How parallel readers treat bad input.
public struct ParallelReaderOptions: Sendable, Hashable {
  /// Whether bad records are skipped and counted instead of failing.
  /// Default `false`.
  public var lenient: Bool
  /// The languages to read, in order (`--langs SRC,TGT`): sides in other
  /// languages are dropped and units without one of them are skipped and
  /// counted. Empty (the default) keeps every side.
  public var languages: [String]

  /// Creates options.
  /// - Parameters:
  ///   - lenient: Whether bad records are skipped and counted.
  ///   - languages: The languages to keep, in order; empty keeps all.
  public init(lenient: Bool = false, languages: [String] = []) {
    self.lenient = lenient
    self.languages = languages
  }
}

/// The language part of a tag, lowercase: `en-GB` → `en`.
func baseLanguage(_ tag: String) -> String {
  String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
}

/// The length in bytes of the White_Space character (Unicode 15.0
/// PropList.txt) that starts at `i` in UTF-8 `bytes`, or 0.
@inline(__always)
func whiteSpaceWidth<C: RandomAccessCollection<UInt8>>(_ bytes: C, at i: C.Index) -> Int where C.Index == Int {
  let b = bytes[i]
  if b < 0x80 { return (b == 0x20 || (b >= 0x09 && b <= 0x0D)) ? 1 : 0 }
  let next = i + 1 < bytes.endIndex ? bytes[i + 1] : 0
  let third = i + 2 < bytes.endIndex ? bytes[i + 2] : 0
  switch b {
  case 0xC2: return next == 0x85 || next == 0xA0 ? 2 : 0
  case 0xE1: return next == 0x9A && third == 0x80 ? 3 : 0
  case 0xE2:
    if next == 0x80 { return (third <= 0x8A && third >= 0x80) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
    return next == 0x81 && third == 0x9F ? 3 : 0
  case 0xE3: return next == 0x80 && third == 0x80 ? 3 : 0
  default: return 0
  }
}

/// Whether `text` is empty or only White_Space.
/// - Parameter text: Any text.
/// - Returns: `true` for "", "  ", "\u{3000}".
func isBlank(_ text: Substring) -> Bool {
  var text = text
  return text.withUTF8 { bytes in
    var i = 0
    while i < bytes.count {
      let width = whiteSpaceWidth(bytes, at: i)
      if width == 0 { return false }
      i += width
    }
    return true
  }
}

/// Collapses every run of whitespace (Unicode White_Space) to one space and
/// trims both ends.
///
/// Works on the UTF-8 bytes: White_Space outside ASCII is U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000
/// (Unicode 15.0 PropList.txt), recognized by their encodings.
/// - Parameter text: Any text.
/// - Returns: The text with single spaces.
/// - Complexity: O(*n*).
public func normalizeWhitespace(_ text: String) -> String {
  var text = text
  if text.withUTF8(hasNormalWhitespace) { return text }
  var out: [UInt8] = []
  text.withUTF8 { appendNormalizingWhitespace($0, to: &out) }
  return String(decoding: out, as: UTF8.self)
}

/// Whether `bytes` hold no whitespace but single inner ASCII spaces (so that
/// ``normalizeWhitespace(_:)`` leaves them as they are).
@inline(__always)
func hasNormalWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  var previousSpace = true
  var i = 0
  guard let base = bytes.baseAddress else { return true }
  let ones: UInt64 = 0x0101_0101_0101_0101
  let highs: UInt64 = 0x8080_8080_8080_8080
  let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  /// The high bit of each byte of `x` that is 0.
  @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }
  while i < bytes.count {
    // Eight bytes at a time while they hold no control and no lead byte of
    // other whitespace (C2, E1, E2, E3; E0 too, left to the byte loop):
    // then only the spaces matter, each alone and not first.
    if i + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let controls = (word &- ones &* 0x20) & ~word & highs
      let leads = zeroBytes(word ^ (ones &* 0xC2)) | zeroBytes((word ^ (ones &* 0xE0)) & (ones &* 0xFC))
      if controls == 0 && leads == 0 {
        let spaces = zeroBytes(word ^ (ones &* 0x20))
        if spaces & (spaces << 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return false }
        previousSpace = spaces >> 56 != 0
        i += 8
        continue
      }
    }
    // One character at a time to the end of this word.
    let stop = min(i + 8, bytes.count)
    while i < stop {
      let b = bytes[i]
      // Bytes that cannot start whitespace: ASCII above the space, and
      // continuation or lead bytes other than C2, E1, E2, E3.
      if b > 0x20 && (b < 0x80 || (b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3)) {
        previousSpace = false
        i += 1
        continue
      }
      let width = whiteSpaceWidth(bytes, at: i)
      if width > 0 && (b != 0x20 || previousSpace) { return false }
      previousSpace = width > 0
      i += max(width, 1)
    }
  }
  return !previousSpace || bytes.isEmpty
}

/// Appends `bytes` with whitespace normalized as ``normalizeWhitespace(_:)``
/// does, without making a string.
func appendNormalizingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
  if hasNormalWhitespace(bytes) {
    out.append(contentsOf: bytes)
    return
  }
  let start = out.count
  var pending = false
  var i = 0
  while i < bytes.count {
    let width = whiteSpaceWidth(bytes, at: i)
    if width > 0 {
      pending = out.count > start
      i += width
      continue
    }
    if pending {
      out.append(0x20)
      pending = false
    }
    out.append(bytes[i])
    i += 1
  }
}
