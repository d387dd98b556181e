import LexiformCore
import LexiformUnicode
import LexiformXML
import XCTest
import _LexiformTestSupport

@testable import LexiformTokenization

/// The table-driven word breaker (``Tokenizer/tableWordBoundaries()``) must
/// find exactly ICU's boundaries, and hand every line it cannot do to ICU.
final class TableWordBoundaryTests: XCTestCase {
  /// ICU's boundaries of `text`, in UTF-16 offsets, after its start.
  func icuBoundaries(_ text: String, _ icu: WordBreakIterator) throws -> [Int32] {
    try icu.segments(of: text).map { Int32($0.utf16Range.upperBound) }
  }

  /// The table's boundaries, or `nil` when it hands the text to ICU.
  func tableBoundaries(_ text: String, _ tokenizer: Tokenizer) -> [Int32]? {
    tokenizer.units = Array(text.utf16)
    tokenizer.classifiedPoints = -1
    return tokenizer.tableWordBoundaries() ? tokenizer.boundaries : nil
  }

  /// Checks that the table agrees with ICU on `text` (or hands it over when
  /// `handedToICU`); on failure prints the code points with both segmentations.
  func assertAgrees(
    _ text: String, handedToICU: Bool = false, _ tokenizer: Tokenizer, _ icu: WordBreakIterator,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let expected = try icuBoundaries(text, icu)
    guard let found = tableBoundaries(text, tokenizer) else {
      if !handedToICU { XCTFail("the table handed \(debugDescription(text)) to ICU", file: file, line: line) }
      return
    }
    if handedToICU { XCTFail("the table did not hand \(debugDescription(text)) to ICU", file: file, line: line) }
    guard found != expected else { return }
    let utf16 = Array(text.utf16)
    func segments(_ ends: [Int32]) -> String {
      var start = 0
      return ends.map { end -> String in
        defer { start = Int(end) }
        return debugDescription(String(decoding: utf16[start..<Int(end)], as: UTF16.self))
      }.joined(separator: " | ")
    }
    XCTFail("boundaries of \(debugDescription(text)) differ\n  ICU:   \(segments(expected))\n  table: \(segments(found))", file: file, line: line)
  }

  /// The text with every code point as U+XXXX.
  func debugDescription(_ text: String) -> String {
    "[" + text.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ") + "]"
  }

  func testHandWrittenCases() throws {
    let tokenizer = try Tokenizer(options: TokenizerOptions(profile: .none))
    let icu = try WordBreakIterator()
    let cases = [
      // Numbers with separators (WB11, WB12) and letters next to digits (WB9, WB10).
      "3.14 1,000,000 12:30 1'000 2.a a1.2 .5 5. 1..2 1,,2 COVID-19 x86_64 ３．１４",
      // Apostrophes and MidLetter (WB6, WB7), and the colons ICU takes out of MidLetter.
      "can't l'homme K'iche' ʼokina aʻb rock'n'roll 'quoted' a''b a.b. e.g. Zürich:Bern ap:b a\u{FE55}b a\u{FF1A}b",
      "a\u{00B7}b a\u{0387}b a\u{05F4}b a\u{2027}b a\u{FE13}b a\u{2018}b a\u{2019}b",
      // Hebrew letters with quotes (WB7a–WB7c).
      "צה\"ל א'ב א' ש\"ס a\"b א\"",
      // Emoji ZWJ sequences (WB3c), modifiers, keycaps, flags (WB15, WB16).
      "👨‍👩‍👧‍👦 👍🏽 ❤️‍🔥 a\u{200D}😀 \u{200D}😀 1️⃣ 🇺🇸🇫🇷🇩 🇺\u{0301}🇸 a🇺🇸b 🏳️‍🌈",
      // Extend and Format characters (WB4), also at the start and after spaces.
      "\u{0301}a e\u{0301}cole a\u{00AD}b a\u{200B}b a\u{200C}b a\u{200D}b a\u{2060}b  \u{0301} \u{0301}\u{0301}x",
      "ક્ષ નમસ્તે ܫܠܡܐ ܐܰܒܳܐ Ꮳ Ꮒ ᏣᎳᎩ",
      // Whitespace runs (WB3d), line breaks (WB3, WB3a, WB3b).
      "a  b\t\tc \u{3000}\u{3000}d a\r\nb a\rb a\u{85}b a\u{2028}b a\u{0B}b a\u{0C}b",
      // ExtendNumLet (WB13a, WB13b) and Katakana-class marks outside Katakana.
      "_a a_ 1_ __ a_1 \u{203F}x x\u{FE4D}y",
      // Mixed scripts, symbols, private use, unassigned, astral letters.
      "abcабв123αβγ $5 €3 100% #tag @user a/b a&b \u{E000}x \u{0378}x 𝐀𝐁 𐌰𐌱 𞤀𞤁",
    ]
    for text in cases {
      for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
        try assertAgrees(String(piece), tokenizer, icu)
      }
      try assertAgrees(text, tokenizer, icu)
    }
  }

  func testDictionaryScriptsGoToICU() throws {
    let tokenizer = try Tokenizer(options: TokenizerOptions(profile: .none))
    let icu = try WordBreakIterator()
    for text in [
      "สวัสดีครับ", "ສະບາຍດີ", "សួស្តី", "မင်္ဂလာပါ", "中文分词", "ひらがな", "カタカナ", "ｶﾀｶﾅ", "한국어", "abc ー",
      "a〆b", "𠀀", "Latin then ไทย",
    ] {
      try assertAgrees(text, handedToICU: true, tokenizer, icu)
    }
  }

  /// Every code point the table takes, between letters, digits, quotes and
  /// itself: catches a class that ICU's rules tailor (`@` is a letter in
  /// ICU's root rules, `:` is not MidLetter).
  func testEveryCodePointInContext() throws {
    let tokenizer = try Tokenizer(options: TokenizerOptions(profile: .none))
    let icu = try WordBreakIterator()
    var checked = 0
    for value in UInt32(0)...0x10FFFF {
      guard value < 0x30000 || value >= 0xE0000, let scalar = Unicode.Scalar(value) else { continue }
      if value >= 0x10000 && GeneralCategory.of(scalar) == .unassigned { continue }
      let x = String(Character(scalar))
      guard tableBoundaries("a" + x, tokenizer) != nil else { continue }
      for text in ["a\(x)b", "1\(x)2", "\(x)\(x)", "\(x)a", "\(x)1", "_\(x)_", "א\(x)ב", " \(x)\u{0301}"] {
        try assertAgrees(text, tokenizer, icu)
      }
      checked += 1
      if testRun?.failureCount ?? 0 > 20 { return }
    }
    XCTAssertGreaterThan(checked, 100_000)
  }

  /// Random strings over code points of every Word_Break class, seeded.
  func testRandomTextAgreesWithICU() throws {
    let tokenizer = try Tokenizer(options: TokenizerOptions(profile: .none))
    let icu = try WordBreakIterator()
    let pool: [Unicode.Scalar] = [
      "a", "Z", "é", "ß", "я", "α", "ક", "ܐ", "Ꮳ", "ʼ", "ʻ", "ꞌ", "א", "ש",  // ALetter, Hebrew_Letter
      "0", "9", "٣", "૩",  // Numeric
      ".", ",", ";", ":", "'", "\"", "’", "‘", "·", "\u{FE55}", "\u{FF0E}", "\u{066C}",  // Mid*, quotes
      "_", "\u{203F}", "-", "‐", "/", "!", "(", "$", "%",  // ExtendNumLet, Other
      "\u{0301}", "\u{0308}", "\u{0ACD}", "\u{0730}", "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FE0F}",
      "\u{1F3FD}",  // Extend, Format, ZWJ
      "😀", "❤", "👨", "\u{1F1FA}", "\u{1F1F8}", "\u{20E3}",  // Extended_Pictographic, RI, keycap
      " ", "\t", "\u{3000}", "\u{A0}", "\r", "\n", "\u{85}", "\u{2028}",  // spaces and line breaks
      "\u{E000}", "\u{0378}", "𝐀", "@",
    ]
    var random = SeededRandom(seed: 29)
    for _ in 0..<100_000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 1...14, using: &random) {
        text.append(pool[Int.random(in: 0..<pool.count, using: &random)])
      }
      try assertAgrees(String(text), tokenizer, icu)
      if testRun?.failureCount ?? 0 > 20 { return }
    }
  }

  /// Every verse of the six Bibles: the table agrees with ICU, and takes
  /// nearly all of them.
  func testBiblesAgreeWithICU() throws {
    let tokenizer = try Tokenizer(options: TokenizerOptions(profile: .none))
    let icu = try WordBreakIterator()
    for file in BibleTokenizationTests.files {
      var taken = 0
      let verses = try BibleTokenizationTests.verses(file)
      for verse in verses {
        let expected = try icuBoundaries(verse, icu)
        guard let found = tableBoundaries(verse, tokenizer) else { continue }
        taken += 1
        if found != expected {
          try assertAgrees(verse, tokenizer, icu)
          return
        }
      }
      XCTAssertGreaterThan(taken, verses.count * 99 / 100, file)
    }
  }

  /// With and without the table, tokens, offsets and scripts are the same,
  /// also on lines that are not NFC; offsets slice the original line.
  func testTokensAreTheSameWithoutTheTable() throws {
    let lines = [
      "e\u{0301}cole, Cafe\u{0301}! A\u{030A}ngstro\u{0308}m 1.000,50 don't",
      "K'iche' tzij: xub'ij ri Jesús chke. \u{212B} \u{2126}",
      "ક\u{0ABC}ષ્ટ નમસ્તે ܫܠܡܐ 👨‍👩‍👧 🇺🇸 a\u{00AD}b",
    ]
    for profile in [OrthographyProfile.default, .none] {
      let table = try Tokenizer(options: TokenizerOptions(profile: profile))
      let icuOnly = try Tokenizer(options: TokenizerOptions(profile: profile))
      icuOnly.usesTableBoundaries = false
      for line in lines {
        let expected = try icuOnly.tokens(in: line)
        let found = try table.tokens(in: line)
        XCTAssertEqual(found, expected, "\(profile.name): \(line)")
        let bytes = Array(line.utf8)
        for token in found {
          let original = String(decoding: bytes[token.utf8Range], as: UTF8.self)
          if profile.normalization == .nfc {
            XCTAssertEqual(try Normalizer(.nfc).normalize(original), token.text, line)
          } else {
            XCTAssertEqual(original, token.text, line)
          }
        }
      }
    }
  }
}
