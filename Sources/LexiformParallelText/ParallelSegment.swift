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

/// Collapses every run of whitespace to one space and trims both ends.
/// - Parameter text: Any text.
/// - Returns: The text with single spaces.
/// - Complexity: O(*n*).
public func normalizeWhitespace(_ text: String) -> String {
  // Fast path: ASCII text with single inner spaces and no space at either end.
  var clean = true
  var previousSpace = true
  for byte in text.utf8 {
    let space = byte == 0x20
    if byte < 0x20 || byte >= 0x80 || (space && previousSpace) {
      clean = false
      break
    }
    previousSpace = space
  }
  if clean && (!previousSpace || text.isEmpty) { return text }
  var result = ""
  result.reserveCapacity(text.utf8.count)
  var pendingSpace = false
  for scalar in text.unicodeScalars {
    if scalar.properties.isWhitespace {
      pendingSpace = !result.isEmpty
      continue
    }
    if pendingSpace {
      result.unicodeScalars.append(" ")
      pendingSpace = false
    }
    result.unicodeScalars.append(scalar)
  }
  return result
}
