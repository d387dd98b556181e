import LexiformTokenization
import LexiformUnicode
import XCTest

/// Scripts written without spaces, segmented with ICU's dictionaries.
final class DictionaryScriptTokenizationTests: XCTestCase {
  func testThaiLaoKhmerMyanmarAreSegmentedIntoWords() throws {
    try assertTokens("ภาษาไทยง่ายนิดเดียว", ["ภาษา", "ไทย", "ง่าย", "นิด", "เดียว"])
    for text in ["ພາສາລາວງ່າຍ", "ភាសាខ្មែរងាយស្រួល", "မြန်မာဘာသာစကား"] {
      let tokens = try Tokenizer().tokens(in: text)
      // Words, not one run and not single characters.
      XCTAssertGreaterThan(tokens.count, 1, text)
      XCTAssertLessThan(tokens.count, text.unicodeScalars.count / 2, text)
      XCTAssertEqual(tokens.map(\.text).joined(), text)
    }
  }

  func testChineseAndJapanese() throws {
    try assertTokens("我们学习中文。", ["我们", "学习", "中文", "。"])
    let japanese = try Tokenizer().tokens(in: "私は日本語を勉強しています。")
    XCTAssertGreaterThan(japanese.count, 4)
    XCTAssertTrue(japanese.map(\.text).contains("日本語"), "\(japanese.map(\.text))")
  }

  func testJapaneseWordsDoNotSplitBetweenKanjiAndKana() throws {
    let split = TokenizerOptions(splitsAtScriptChanges: true)
    let plain = try Tokenizer().tokens(in: "食べる").map(\.text)
    XCTAssertEqual(try Tokenizer(options: split).tokens(in: "食べる").map(\.text), plain)
  }

  func testOffsetsInThai() throws {
    let text = "ภาษาไทย ง่าย"
    for token in try Tokenizer().tokens(in: text) {
      XCTAssertEqual(substring(text, token.utf8Range), token.text)
      XCTAssertEqual(token.script.iso15924, "Thai")
    }
  }
}
