import LexiformTokenization
import LexiformUnicode
import XCTest

/// Syriac, Arabic and Persian: marks, ZWNJ inside words.
final class RightToLeftTokenizationTests: XCTestCase {
  func testSyriacWithVowelMarks() throws {
    try assertTokens("ܫܠܡܐ ܥܠܡܐ. ܟܬܒܐ", ["ܫܠܡܐ", "ܥܠܡܐ", ".", "ܟܬܒܐ"])
    try assertTokens("ܒܪܺܫܺܝܬ ܐܺܝܬܝܗܘܳܐ", ["ܒܪܺܫܺܝܬ", "ܐܺܝܬܝܗܘܳܐ"])
  }

  func testPersianZeroWidthNonJoinerStaysInTheWord() throws {
    let persian = try OrthographyProfile.named("persian")
    try assertTokens("می\u{200C}خواهم کتاب\u{200C}ها را", ["می\u{200C}خواهم", "کتاب\u{200C}ها", "را"], profile: persian)
  }

  func testArabicCommaTakesTheArabicScript() throws {
    let tokens = try Tokenizer().tokens(in: "كتاب، قلم")
    XCTAssertEqual(tokens.map(\.text), ["كتاب", "،", "قلم"])
    XCTAssertEqual(tokens.map(\.script.iso15924), ["Arab", "Arab", "Arab"])
  }
}
