import Foundation
import LexiformCore
import LexiformUnicode
@testable import LexiformUniMorph
import XCTest
import _LexiformTestSupport

/// The validator's byte-level NFC test must agree with ICU's
/// `isNormalized` on every text: the quick check only decides text that
/// UAX #15 says is surely NFC, and leaves the rest to ICU.
final class NFCQuickCheckTests: XCTestCase {
  func assertAgreesWithICU(_ texts: some Sequence<String>, file: StaticString = #filePath, line: UInt = #line) throws {
    let normalizer = try Normalizer(.nfc)
    let check = NFCQuickCheck(normalizer: normalizer)
    for text in texts {
      var bytes = text
      let fast = bytes.withUTF8 { check.isNFC($0) }
      XCTAssertEqual(fast, try normalizer.isNormalized(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "), file: file, line: line)
    }
  }

  func testHandWrittenTexts() throws {
    try assertAgreesWithICU([
      "", "walk", "café", "cafe\u{0301}", "e\u{0301}\u{0323}", "e\u{0323}\u{0301}",  // marks in and out of order
      "\u{1E0D}\u{0307}", "d\u{0323}\u{0307}", "d\u{0307}\u{0323}",
      "Å", "A\u{030A}", "\u{212B}",  // Angstrom sign: NFC_QC = No
      "한국어", "\u{1100}\u{1161}\u{11A8}", "\u{AC00}\u{11A8}",  // Hangul syllables and conjoining jamo
      "क़", "क\u{093C}", "\u{0958}",  // Devanagari nukta; U+0958 is excluded from composition
      "كَتَبَ", "كَتَبٌّ", "ב\u{05BC}\u{05B7}", "ב\u{05B7}\u{05BC}",  // Arabic and Hebrew marks
      "ё", "е\u{0308}", "ǰ", "j\u{030C}", "\u{0344}", "\u{0F73}", "\u{2ADC}",
      "𝅗𝅥", "\u{1D15E}", "\u{1D157}\u{1D165}", "😀", "a\u{1D165}\u{0301}", "a\u{0301}\u{1D165}",
      "ṩ", "s\u{0323}\u{0307}", "s\u{0307}\u{0323}", "Ǖ", "Ü\u{0304}",
    ])
  }

  /// Every two-byte code point (U+0080–U+07FF), alone, before and after a
  /// combining mark: the lead bytes passed over without a look-up must be
  /// exactly those whose code points are all simple.
  func testEveryTwoByteCodePoint() throws {
    let scalars = (0x80...0x7FF).compactMap { Unicode.Scalar(UInt32($0)) }.map { String($0) }
    try assertAgreesWithICU(scalars.flatMap { [$0, $0 + "\u{0301}", "a\u{0301}" + $0, $0 + "\u{0323}\u{0301}" + $0] })
  }

  func testEveryLemmaAndFormOfTheSharedData() throws {
    var texts: Set<String> = []
    try forEachSharedEntry { entry in
      texts.insert(entry.lemma)
      texts.insert(entry.form)
    }
    XCTAssertGreaterThan(texts.count, 100_000)
    try assertAgreesWithICU(texts)
  }
}
