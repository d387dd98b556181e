import LexiformCore
import LexiformTokenization
import LexiformUnicode
import XCTest

/// Property tests over random lines from a seeded generator: mixed scripts,
/// combining marks (of the base's script and of others), joiners, format
/// characters, apostrophe look-alikes, hyphens, whitespace and punctuation.
final class TokenizationPropertyTests: XCTestCase {
  static let pieces = [
    "kitabu", "ʻokina", "l’homme", "don't", "COVID-19", "ના", "કેમ", "क्\u{200D}ष", "क्\u{200C}ष", "ܫܠܡܐ", "سلام",
    "中文", "日本語です", "ภาษาไทย", "Ꮳ", "e\u{301}", "\u{301}", "c\u{0B57}", "\u{0B57}", "\u{1161}", "ᄀ\u{1161}",
    "İstanbul", "ΣΊΣΥΦΟΣ", "ß", "ﬁ", "½", "😀", "👩\u{200D}💻", "\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{200E}",
    " ", "  ", "\t", "\u{00A0}", "\u{3000}", "-", "—", "'", "’", "ʼ", "`", ".", ",", "?", "!", "&", "<", "\"", "[",
    "@-@", "x", "1", "٣", "a",
  ]

  static func line(_ random: inout SeededRandom) -> String {
    (0..<(1 + random.uniform(below: 12))).map { _ in pieces[random.uniform(below: pieces.count)] }.joined()
  }

  static let optionSets: [TokenizerOptions] = [
    TokenizerOptions(),
    TokenizerOptions(profile: .none),
    TokenizerOptions(splitsAtScriptChanges: true),
    TokenizerOptions(profile: .none, splitsAtScriptChanges: true),
    TokenizerOptions(language: "fr", style: .moses, mosesAggressiveHyphens: true),
    TokenizerOptions(language: "en", splitsAtScriptChanges: true, style: .moses, mosesEscapes: false),
  ]

  /// Every token's UTF-8 range is a non-empty slice of the original line, in
  /// order and without overlap; without normalization or escaping the
  /// token's text is that slice, and with NFC it is the slice's NFC. (This
  /// found tokens sharing one normalization chunk — `😀` + U+1161 — whose
  /// ranges overlapped; they are now one token.)
  func testOffsetsAlwaysSliceTheOriginalText() throws {
    let nfc = try Normalizer(.nfc)
    for options in Self.optionSets {
      let tokenizer = try Tokenizer(options: options)
      var random = SeededRandom(seed: 1234)
      for _ in 0..<600 {
        let line = Self.line(&random)
        let bytes = Array(line.utf8)
        let tokens = try tokenizer.tokens(in: line)
        var previousEnd = 0
        for token in tokens {
          let range = token.utf8Range
          let context = "\(String(reflecting: line)) \(options.style) \(options.profile.name) split \(options.splitsAtScriptChanges): \(range)"
          XCTAssertGreaterThanOrEqual(range.lowerBound, previousEnd, context)
          XCTAssertLessThanOrEqual(range.upperBound, bytes.count, context)
          XCTAssertFalse(range.isEmpty, context)
          guard range.lowerBound >= previousEnd, range.upperBound <= bytes.count, !range.isEmpty else { break }
          previousEnd = range.upperBound
          let slice = String(decoding: bytes[range], as: UTF8.self)
          guard options.style == .standard else { continue }
          if options.profile.normalization == nil {
            XCTAssertEqual(token.text, slice, context)
          } else {
            // A mark after whitespace is one normalization chunk with it, so
            // its range starts at the whitespace the token leaves out.
            let normalizedSlice = try nfc.normalize(slice)
            let trimmed = String(normalizedSlice.unicodeScalars.drop { $0.properties.isWhitespace })
            XCTAssertTrue(token.text == normalizedSlice || token.text == trimmed, context + " " + token.text)
          }
        }
      }
    }
  }

  /// Normalizing twice gives what normalizing once gives, for every form and
  /// each optional step.
  func testNormalizationIsIdempotent() throws {
    var optionSets = NormalizationForm.allCases.map { TextNormalizerOptions(form: $0) }
    optionSets += [
      TextNormalizerOptions(language: "tr", caseMapping: .lower),
      TextNormalizerOptions(language: "el", caseMapping: .upper),
      TextNormalizerOptions(caseMapping: .fold),
      TextNormalizerOptions(language: "haw", unifiesApostrophes: true),
      TextNormalizerOptions(removesFormatCharacters: true),
      TextNormalizerOptions(collapsesWhitespace: true),
      TextNormalizerOptions(
        form: .nfkc, language: "quc", unifiesApostrophes: true, removesFormatCharacters: true,
        collapsesWhitespace: true, caseMapping: .fold),
    ]
    for options in optionSets {
      let normalizer = try TextNormalizer(options: options)
      var random = SeededRandom(seed: 99)
      for _ in 0..<500 {
        let line = Self.line(&random)
        let once = try normalizer.normalize(line)
        let twice = try normalizer.normalize(once)
        XCTAssertEqual(
          Array(twice.unicodeScalars), Array(once.unicodeScalars),
          "\(options): \(String(reflecting: line)) → \(String(reflecting: once)) → \(String(reflecting: twice))")
      }
    }
  }
}
