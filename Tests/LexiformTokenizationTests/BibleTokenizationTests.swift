import Foundation
import LexiformTokenization
import LexiformUnicode
import LexiformXML
import XCTest
import _LexiformTestSupport

/// Properties that must hold on real text: the New Testaments in six scripts
/// in ../shared/data/bible (skipped when absent).
final class BibleTokenizationTests: XCTestCase {
  static let files = [
    "Cherokee-NT.xml", "Syriac-NT.xml", "Gujarati-NT.xml", "K'iche'-NT.xml", "Ukranian-NT.xml", "Swahili-NT.xml",
  ]

  /// The verses of a CES XML Bible (`<seg type="verse">`), whitespace-trimmed.
  static func verses(_ file: String) throws -> [String] {
    let reader = try XMLReader(path: try sharedDataURL("bible/" + file))
    var result: [String] = []
    var current: String?
    while let kind = try reader.read() {
      switch kind {
      case .startElement where reader.localName == "seg": current = ""
      case .text, .cdata: if current != nil { current? += reader.text }
      case .endElement where reader.localName == "seg":
        if let verse = current?.trimmingCharacters(in: .whitespacesAndNewlines), !verse.isEmpty { result.append(verse) }
        current = nil
      default: break
      }
    }
    return result
  }

  func testEveryTokenIsTheOriginalTextAtItsOffsets() throws {
    let tokenizer = try Tokenizer()
    let nfc = try Normalizer(.nfc)
    for file in Self.files {
      let verses = try Self.verses(file)
      XCTAssertGreaterThan(verses.count, 5000, file)
      var tokens = 0
      for verse in verses {
        let bytes = Array(verse.utf8)
        var previousEnd = 0
        for token in try tokenizer.tokens(in: verse) {
          tokens += 1
          let original = String(decoding: bytes[token.utf8Range], as: UTF8.self)
          XCTAssertEqual(try nfc.normalize(original), token.text, "\(file): \(verse)")
          XCTAssertGreaterThanOrEqual(token.utf8Range.lowerBound, previousEnd, "\(file): overlapping tokens in \(verse)")
          previousEnd = token.utf8Range.upperBound
          // Never split from its base: a token starts with a mark only after whitespace or at the start.
          if let first = token.text.unicodeScalars.first, GeneralCategory.of(first).isMark {
            let before = String(decoding: bytes[..<token.utf8Range.lowerBound], as: UTF8.self).unicodeScalars.last
            XCTAssertTrue(before.map { UnicodeProperty.whiteSpace.holds(for: $0) } ?? true, "\(file): \(token.text) in \(verse)")
          }
          XCTAssertFalse(token.text.unicodeScalars.contains { UnicodeProperty.whiteSpace.holds(for: $0) }, "\(file): \(token.text)")
        }
      }
      XCTAssertGreaterThan(tokens, 100_000, file)
    }
  }

  func testProfileNoneAgreesWithICU() throws {
    let tokenizer = try Tokenizer(options: TokenizerOptions(profile: .none))
    let icu = try WordBreakIterator()
    for file in Self.files {
      for verse in try Self.verses(file) {
        // ICU's own segments of the same text, in UTF-8 offsets, without whitespace.
        let utf16 = Array(verse.utf16)
        var expected: [Range<Int>] = []
        for segment in try icu.segments(of: verse) {
          var start = segment.utf16Range.lowerBound
          while start < segment.utf16Range.upperBound, let scalar = Unicode.Scalar(utf16[start]),
            UnicodeProperty.whiteSpace.holds(for: scalar)
          {
            start += 1
          }
          guard start < segment.utf16Range.upperBound else { continue }
          let lower = String(decoding: utf16[..<start], as: UTF16.self).utf8.count
          let upper = String(decoding: utf16[..<segment.utf16Range.upperBound], as: UTF16.self).utf8.count
          expected.append(lower..<upper)
        }
        let found = try tokenizer.tokens(in: verse).map(\.utf8Range)
        if found != expected {
          XCTFail("\(file): --profile none differs from ICU in \(verse)\n  ICU:  \(expected)\n  none: \(found)")
          return
        }
      }
    }
  }

  func testScriptsOfTheBibles() throws {
    let expected = [
      "Cherokee-NT.xml": "Cher", "Syriac-NT.xml": "Syrc", "Gujarati-NT.xml": "Gujr", "K'iche'-NT.xml": "Latn",
      "Ukranian-NT.xml": "Cyrl", "Swahili-NT.xml": "Latn",
    ]
    for file in Self.files {
      let verses = try Self.verses(file)
      let text = verses.prefix(200).joined(separator: " ")
      XCTAssertEqual(ScriptBreakdown(of: text.unicodeScalars).main.iso15924, expected[file], file)
    }
  }
}
