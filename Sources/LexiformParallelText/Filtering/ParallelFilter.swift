internal import LexiformCore
internal import LexiformTokenization
internal import LexiformUnicode

/// What ``ParallelFilter`` checks. Every filter is off unless its option is
/// set, except ``removesEmpty``.
public struct ParallelFilterOptions: Sendable {
  /// How lengths are measured.
  public enum LengthUnit: String, Sendable, CaseIterable {
    /// Unicode scalars.
    case characters
    /// Whitespace-separated tokens.
    case tokens
  }

  /// How duplicates are found.
  public enum Deduplication: String, Sendable, CaseIterable {
    /// Keep duplicates.
    case none
    /// The same pair, byte for byte after whitespace normalization.
    case exact
    /// The same pair after lowercasing and removing everything but letters,
    /// marks and digits (`"Hello, World!"` ≡ `"hello world"`).
    case near
  }

  /// Remove pairs with an empty or whitespace-only side. Default `true`.
  public var removesEmpty = true
  /// The unit of ``minLength``, ``maxLength`` and ``maxLengthRatio``.
  /// Default ``LengthUnit/characters``.
  public var lengthUnit = LengthUnit.characters
  /// Remove pairs with a side shorter than this. Default `nil` (off).
  public var minLength: Int?
  /// Remove pairs with a side longer than this. Default `nil` (off).
  public var maxLength: Int?
  /// Remove pairs whose longer side is more than this many times the
  /// shorter one. Default `nil` (off).
  public var maxLengthRatio: Double?
  /// Remove pairs whose sides are the same text (after whitespace
  /// normalization). Default `false`.
  public var removesIdentical = false
  /// Remove repeated pairs (the first is kept). Default ``Deduplication/none``.
  public var deduplication = Deduplication.none
  /// Remove pairs with a side equal to a side of the test set (compared as
  /// in ``Deduplication/near``). Default empty (off).
  public var testSetHashes: Set<UInt64> = []
  /// Remove pairs where, on some side whose language is known, fewer than
  /// this share of the letters are in that language's expected scripts
  /// (`LanguageScripts`). Default `nil` (off).
  public var minScriptShare: Double?
  /// The languages of the sides, for ``minScriptShare``.
  public var languages: [String] = []
  /// Remove pairs with a side whose non-space characters are more than this
  /// share digits. Default `nil` (off).
  public var maxDigitShare: Double?
  /// Remove pairs with a side whose non-space characters are more than this
  /// share punctuation and symbols. Default `nil` (off).
  public var maxPunctuationShare: Double?
  /// Remove pairs with a side where one token follows itself more than this
  /// many times (`the the the`: 2 repeats). Default `nil` (off).
  public var maxRepeats: Int?

  /// Creates options with every filter off but ``removesEmpty``.
  public init() {}
}

/// The filters, in the order they are applied; a removed pair is counted
/// under the first filter that removes it.
public enum ParallelFilterName: String, Sendable, CaseIterable, Codable {
  case empty, length, ratio, identical, duplicate, testOverlap = "test-overlap", script, digits, punctuation, repeats
}

/// Decides which pairs to keep, and counts what each filter removed.
///
/// - Complexity: O(*n*) per pair in its length; duplicate detection keeps
///   one 64-bit hash per kept pair.
public final class ParallelFilter {
  /// The options in force.
  public let options: ParallelFilterOptions
  /// How many pairs each filter removed.
  public private(set) var removed: [ParallelFilterName: Int] = [:]
  /// Pairs checked.
  public private(set) var checked = 0
  /// Pairs kept.
  public private(set) var kept = 0
  private var seen = Set<UInt64>()
  private var scratch: [UInt8] = []
  private let expectedScripts: [Set<Int32>?]

  /// Creates a filter.
  /// - Parameter options: What to check.
  public init(options: ParallelFilterOptions) {
    self.options = options
    expectedScripts = options.languages.map { language in
      guard !language.isEmpty, let found = LanguageScripts.scripts(for: language) else { return nil }
      return Set(found.scripts.map(\.rawValue))
    }
  }

  /// Checks one pair (or n-tuple) of texts.
  /// - Parameter texts: The sides.
  /// - Returns: `nil` to keep it, else the filter that removes it (which is
  ///   then counted in ``removed``).
  public func check(_ texts: [Substring]) -> ParallelFilterName? {
    checked += 1
    let verdict = evaluate(texts)
    if let verdict { removed[verdict, default: 0] += 1 } else { kept += 1 }
    return verdict
  }

  private func evaluate(_ texts: [Substring]) -> ParallelFilterName? {
    if options.removesEmpty, texts.contains(where: isBlank) {
      return .empty
    }
    if options.minLength != nil || options.maxLength != nil || options.maxLengthRatio != nil {
      let lengths = texts.map(length)
      if let min = options.minLength, lengths.contains(where: { $0 < min }) { return .length }
      if let max = options.maxLength, lengths.contains(where: { $0 > max }) { return .length }
      if let ratio = options.maxLengthRatio, let shortest = lengths.min(), let longest = lengths.max() {
        if Double(longest) > ratio * Double(Swift.max(shortest, 1)) { return .ratio }
      }
    }
    if options.removesIdentical, texts.count >= 2 {
      let first = normalizeWhitespace(String(texts[0]))
      if texts.dropFirst().allSatisfy({ normalizeWhitespace(String($0)) == first }) { return .identical }
    }
    if options.deduplication == .exact {
      var hash = BlockHash()
      for text in texts {
        var text = text
        text.withUTF8 { bytes in
          if hasNormalWhitespace(bytes) {
            hash.add(bytes)
          } else {
            scratch.removeAll(keepingCapacity: true)
            appendNormalizingWhitespace(bytes, to: &scratch)
            scratch.withUnsafeBufferPointer { hash.add($0) }
          }
        }
      }
      if !seen.insert(hash.finalized).inserted { return .duplicate }
    } else if options.deduplication == .near {
      var hash = ContentHash()
      for (index, text) in texts.enumerated() {
        if index > 0 { hash.add(0x1F) }
        Self.addNearKey(of: text, to: &hash)
      }
      if !seen.insert(hash.finalized).inserted { return .duplicate }
    }
    if !options.testSetHashes.isEmpty {
      for text in texts where options.testSetHashes.contains(Self.nearHash(text)) { return .testOverlap }
    }
    if let minimum = options.minScriptShare {
      for (index, text) in texts.enumerated() where index < expectedScripts.count {
        guard let expected = expectedScripts[index] else { continue }
        if Self.scriptShare(text, expected) < minimum { return .script }
      }
    }
    if options.maxDigitShare != nil || options.maxPunctuationShare != nil {
      for text in texts {
        let (total, digits, punctuation) = Self.characterClasses(text)
        guard total > 0 else { continue }
        if let max = options.maxDigitShare, Double(digits) / Double(total) > max { return .digits }
        if let max = options.maxPunctuationShare, Double(punctuation) / Double(total) > max { return .punctuation }
      }
    }
    if let maxRepeats = options.maxRepeats {
      for text in texts where Self.longestRepeat(text) > maxRepeats { return .repeats }
    }
    return nil
  }

  // MARK: Measures

  @inline(__always)
  static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

  private func length(_ text: Substring) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      switch options.lengthUnit {
      case .characters:
        return Self.scalarCount(bytes)
      case .tokens:
        var count = 0
        var inToken = false
        for byte in bytes {
          let space = isSpace(byte)
          if !space && !inToken { count += 1 }
          inToken = !space
        }
        return count
      }
    }
  }

  /// Unicode scalars in UTF-8: the bytes that are not continuation bytes
  /// (10xxxxxx), counted eight at a time.
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var continuations = 0
    var i = 0
    while i + 8 <= bytes.count {
      let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      continuations += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      i += 8
    }
    while i < bytes.count {
      if bytes[i] & 0xC0 == 0x80 { continuations += 1 }
      i += 1
    }
    return bytes.count - continuations
  }

  @inline(__always) private func isSpace(_ byte: UInt8) -> Bool { Self.isASCIISpace(byte) }

  /// The hash of a text's near-duplicate key (see ``ParallelFilterOptions/Deduplication/near``).
  /// - Parameter text: A text.
  /// - Returns: Its hash.
  public static func nearHash<S: StringProtocol>(_ text: S) -> UInt64 {
    var hash = ContentHash()
    addNearKey(of: text, to: &hash)
    return hash.finalized
  }

  static func addNearKey<S: StringProtocol>(of text: S, to hash: inout ContentHash) {
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        let b = UInt8(v)
        if b >= 0x41 && b <= 0x5A {
          hash.add(b | 0x20)
        } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
          hash.add(b)
        }
        continue
      }
      let properties = scalar.properties
      switch properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
        .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
        if properties.changesWhenLowercased {
          hash.add(properties.lowercaseMapping.utf8)
        } else {
          hash.add(String(scalar).utf8)
        }
      default:
        continue
      }
    }
  }

  /// The share of letters in the expected scripts (1 when there are none).
  static func scriptShare(_ text: Substring, _ expected: Set<Int32>) -> Double {
    var counted = 0
    var inScript = 0
    let latin = ScriptCode.latin.rawValue
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
          counted += 1
          if expected.contains(latin) { inScript += 1 }
        }
        continue
      }
      let script = ScriptCode.of(scalar)
      if script == .common || script == .inherited { continue }
      counted += 1
      if expected.contains(script.rawValue) { inScript += 1 }
    }
    return counted == 0 ? 1 : Double(inScript) / Double(counted)
  }

  /// Non-space characters, digits and punctuation (or symbols) in a text.
  static func characterClasses(_ text: Substring) -> (total: Int, digits: Int, punctuation: Int) {
    var total = 0
    var digits = 0
    var punctuation = 0
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        if v <= 0x20 || v == 0x7F { continue }
        total += 1
        if v >= 0x30 && v <= 0x39 {
          digits += 1
        } else if !((v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)) {
          punctuation += 1
        }
        continue
      }
      let properties = scalar.properties
      if properties.isWhitespace { continue }
      total += 1
      switch properties.generalCategory {
      case .decimalNumber: digits += 1
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        punctuation += 1
      default: break
      }
    }
    return (total, digits, punctuation)
  }

  /// The most times a whitespace token directly repeats itself.
  static func longestRepeat(_ text: Substring) -> Int {
    var longest = 0
    var run = 0
    var previous: Substring.UTF8View.SubSequence?
    for token in text.utf8.split(whereSeparator: isASCIISpace) {
      if let previous, previous.elementsEqual(token) {
        run += 1
        longest = max(longest, run)
      } else {
        run = 0
      }
      previous = token
    }
    return longest
  }
}

/// Deterministic train/dev/test assignment by content hash.
public struct ContentSplit: Sendable {
  /// The parts' names, in order (`train`, `dev`, `test`).
  public var names: [String]
  /// Cumulative thresholds out of 2⁶⁴ scaled to 1,000,000.
  private var bounds: [UInt64]
  /// The seed mixed into the hash.
  public var seed: UInt64

  /// Creates a split.
  /// - Parameters:
  ///   - names: The parts' names.
  ///   - shares: Each part's share (normalized to sum to 1).
  ///   - seed: Mixed into the hash; the same seed always splits the same way.
  public init(names: [String], shares: [Double], seed: UInt64 = 0) {
    self.names = names
    self.seed = seed
    let total = shares.reduce(0, +)
    var running = 0.0
    bounds = shares.map { share in
      running += share
      return UInt64((total > 0 ? running / total : 0) * 1_000_000)
    }
    if !bounds.isEmpty { bounds[bounds.count - 1] = 1_000_000 }
  }

  /// The part a pair goes to: decided by the hash of its whitespace-
  /// normalized texts, so the same pair always lands in the same part.
  /// - Parameter texts: The sides.
  /// - Returns: An index into ``names``.
  public func part(of texts: [Substring]) -> Int {
    var hash = ContentHash(seed: seed)
    for (index, text) in texts.enumerated() {
      if index > 0 { hash.add(0x1F) }
      hash.add(normalizeWhitespace(String(text)).utf8)
    }
    let position = hash.finalized % 1_000_000
    return bounds.firstIndex { position < $0 } ?? max(0, names.count - 1)
  }
}
