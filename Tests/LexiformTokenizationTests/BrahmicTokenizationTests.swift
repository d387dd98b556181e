import LexiformTokenization
import LexiformUnicode
import XCTest

/// Gujarati, Devanagari and other Brahmic scripts: vowel signs, viramas,
/// ZWJ/ZWNJ and dandas.
final class BrahmicTokenizationTests: XCTestCase {
  func testVowelSignsAndViramasStayInWords() throws {
    try assertTokens("કેમ છો? ગુજરાતી ભાષા સુંદર છે.", ["કેમ", "છો", "?", "ગુજરાતી", "ભાષા", "સુંદર", "છે", "."])
    try assertTokens("हिन्दी भाषा।", ["हिन्दी", "भाषा", "।"])
  }

  func testJoinersStayInsideWords() throws {
    // ZWJ and ZWNJ after a virama choose the conjunct form; they are part of the word.
    try assertTokens("क्\u{200D}ष क्\u{200C}ष", ["क्\u{200D}ष", "क्\u{200C}ष"])
  }

  func testDandaTakesTheScriptOfItsText() throws {
    let tokens = try Tokenizer().tokens(in: "ગુજરાતી ભાષા।")
    XCTAssertEqual(tokens.map(\.text), ["ગુજરાતી", "ભાષા", "।"])
    XCTAssertEqual(tokens.map(\.script.iso15924), ["Gujr", "Gujr", "Gujr"])
    let devanagari = try Tokenizer().tokens(in: "भाषा।")
    XCTAssertEqual(devanagari.last?.script.iso15924, "Deva")
  }

  func testSplittingAtAScriptChange() throws {
    let split = TokenizerOptions(splitsAtScriptChanges: true)
    try assertTokens("COVID-19ના કેસ", ["COVID-19", "ના", "કેસ"], options: split)
    try assertTokens("COVID-19ના કેસ", ["COVID-19ના", "કેસ"])
    let tokens = try Tokenizer(options: split).tokens(in: "COVID-19ના")
    XCTAssertEqual(tokens.map(\.script.iso15924), ["Latn", "Gujr"])
    XCTAssertEqual(tokens.map(\.utf8Range), [0..<8, 8..<14])
  }

  /// Found by fuzzing (tools/fuzz.sh tokenize): a mark of another script
  /// after a letter (Oriya U+0B57 AU LENGTH MARK, which may compose, so NFC
  /// keeps `c` and it in one chunk) was split off, and both tokens got the
  /// whole range 0..<4.
  func testAMarkOfAnotherScriptStaysWithItsBase() throws {
    let split = TokenizerOptions(splitsAtScriptChanges: true)
    for profile in [OrthographyProfile.default, .none] {
      var options = split
      options.profile = profile
      let tokens = try Tokenizer(options: options).tokens(in: "c\u{0B57} a\u{0B57}b")
      XCTAssertEqual(tokens.map(\.text), ["c\u{0B57}", "a\u{0B57}b"], profile.name)
      XCTAssertEqual(tokens.map(\.utf8Range), [0..<4, 5..<10], profile.name)
    }
    // Hangul vowel jamo are letters that may compose: no cut inside a chunk.
    let jamo = try Tokenizer(options: split).tokens(in: "c\u{1161}")
    XCTAssertEqual(jamo.map(\.utf8Range), [0..<4])
  }

  func testAMarkAfterASpaceIsNotGluedToTheSpace() throws {
    // An orphan vowel sign (a typing error) is its own token, without the space.
    let tokens = try Tokenizer().tokens(in: "ક \u{0AC7}x")
    XCTAssertEqual(tokens.first?.text, "ક")
    XCTAssertFalse(tokens.contains { $0.text.hasPrefix(" ") })
  }
}
