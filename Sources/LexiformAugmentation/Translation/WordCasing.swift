import LexiformUnicode

/// How a source word is cased, so that its translation can be cased alike.
public enum WordCasing: UInt8, Sendable, Hashable, CaseIterable {
  /// No uppercase letter (`house`), or no letter at all.
  case lower = 0
  /// An uppercase or titlecase first letter and no other uppercase letter
  /// (`House`; a single capital, `I`, counts as title).
  case title = 1
  /// Two or more letters, all uppercase (`HOUSE`).
  case upper = 2
  /// Anything else (`iPhone`, `McDonald`): the translation is written as the lexicon has it.
  case mixed = 3

  /// The casing of a word given as UTF-8.
  /// - Parameter bytes: The word.
  /// - Returns: Its casing.
  /// - Complexity: O(*n*); no allocation.
  public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> WordCasing {
    var letters = 0
    var uppers = 0
    var firstIsUpper = false
    var i = 0
    let n = bytes.count
    while i < n {
      let byte = bytes[i]
      if byte < 0x80 {
        if byte >= 0x41 && byte <= 0x5A {
          if letters == 0 { firstIsUpper = true }
          letters += 1
          uppers += 1
        } else if byte >= 0x61 && byte <= 0x7A {
          letters += 1
        }
        i += 1
        continue
      }
      let (scalar, length) = decodeScalar(bytes, i)
      i += length
      let properties = scalar.properties
      if properties.isUppercase || properties.generalCategory == .titlecaseLetter {
        if letters == 0 { firstIsUpper = true }
        letters += 1
        uppers += 1
      } else if properties.isLowercase || properties.isAlphabetic {
        letters += 1
      }
    }
    if uppers == 0 { return .lower }
    if uppers == letters && letters >= 2 { return .upper }
    if firstIsUpper && uppers == 1 { return .title }
    return .mixed
  }

  /// Decodes the scalar at `i` of valid UTF-8.
  @inline(__always)
  static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
    let b0 = UInt32(bytes[i])
    var value: UInt32
    var length: Int
    if b0 < 0xE0 {
      length = 2
      value = b0 & 0x1F
    } else if b0 < 0xF0 {
      length = 3
      value = b0 & 0x0F
    } else {
      length = 4
      value = b0 & 0x07
    }
    length = min(length, bytes.count - i)
    for k in 1..<max(1, length) { value = (value << 6) | (UInt32(bytes[i + k]) & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", max(1, length))
  }

  /// Whether a token is a word: it has a letter (L*) or a mark; punctuation,
  /// numbers and symbols are not words and are never translated.
  /// - Parameter bytes: The token, UTF-8.
  /// - Returns: `true` for words.
  public static func isWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let byte = bytes[i]
      if byte < 0x80 {
        if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { return true }
        i += 1
        continue
      }
      let (scalar, length) = decodeScalar(bytes, i)
      i += length
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark:
        return true
      default: continue
      }
    }
    return false
  }
}

/// Folds words to lookup keys: locale-aware case folding (Turkic dotted and
/// dotless i for `tr` and `az`) through ICU, then NFC (UAX #15), with an
/// ASCII fast path; and cases translations like their source word.
///
/// Not thread-safe only in that it reuses a buffer; keep one per thread.
public struct KeyFolder: Sendable {
  /// The language whose case rules apply (`tr`, `az`, `lt`, …), or "" for the root.
  public let locale: String
  private let normalizer: Normalizer?
  private let turkic: Bool

  /// Creates a folder.
  /// - Parameter locale: The language whose case rules apply, or "".
  public init(locale: String) {
    self.locale = locale
    let language = locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
    turkic = language == "tr" || language == "az" || language == "tur" || language == "aze"
    normalizer = try? Normalizer(.nfc)
  }

  /// The ICU locale for case mapping (two-letter where ICU needs it).
  var icuLocale: String { turkic ? "tr" : locale }

  /// Appends the lookup key of `word` to `key`.
  /// - Parameters:
  ///   - word: The word, UTF-8.
  ///   - key: Receives the key.
  /// - Complexity: O(*n*); ASCII words (without `I` in Turkic locales) allocate nothing.
  public func appendKey(of word: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
    var ascii = true
    for byte in word where byte >= 0x80 || (turkic && byte == 0x49) {
      ascii = false
      break
    }
    if ascii {
      for byte in word { key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
      return
    }
    key.append(contentsOf: self.key(String(decoding: word, as: UTF8.self)).utf8)
  }

  /// The lookup key of a word or phrase: folded, NFC, whitespace runs as one space.
  /// - Parameter text: The word.
  /// - Returns: Its key.
  public func key(_ text: String) -> String {
    let folded = (try? CaseMapping.fold(text, locale: icuLocale)) ?? text.lowercased()
    let normalized = normalizer.flatMap { try? $0.normalize(folded) } ?? folded
    return normalized.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// `text` cased as `casing` says: title case uppercases the first letter,
  /// upper case everything (by this folder's locale's rules); lower and mixed
  /// leave the text as it is.
  /// - Parameters:
  ///   - text: A translation as the lexicon has it.
  ///   - casing: The source word's casing.
  /// - Returns: The cased text.
  public func apply(_ casing: WordCasing, to text: String) -> String {
    if !turkic, text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: the same as ICU's mappings, without the round trip.
      switch casing {
      case .lower, .mixed: return text
      case .upper: return String(decoding: text.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
      case .title:
        var bytes = Array(text.utf8)
        if let first = bytes.first, first >= 0x61 && first <= 0x7A { bytes[0] = first - 0x20 }
        return String(decoding: bytes, as: UTF8.self)
      }
    }
    switch casing {
    case .lower, .mixed:
      return text
    case .upper:
      return (try? CaseMapping.uppercase(text, locale: icuLocale)) ?? text.uppercased()
    case .title:
      // The first code point's title case (ǆ → ǅ, ß → Ss), by the locale's
      // rules where they differ (Turkic i → İ); marks after it stay.
      guard let first = text.unicodeScalars.first else { return text }
      var result =
        turkic
        ? ((try? CaseMapping.uppercase(String(first), locale: "tr")) ?? first.properties.titlecaseMapping)
        : first.properties.titlecaseMapping
      result.unicodeScalars.append(contentsOf: text.unicodeScalars.dropFirst())
      return result
    }
  }
}
