import LexiformTokenization
import LexiformUnicode
import XCTest

/// Latin-script orthographies: apostrophe letters, tone letters, hyphens, clitics.
final class LatinTokenizationTests: XCTestCase {
  func testPunctuationAndWhitespace() throws {
    try assertTokens("Hello,  world!\tHow are you?", ["Hello", ",", "world", "!", "How", "are", "you", "?"])
    try assertTokens("   ", [])
    try assertTokens("", [])
    try assertTokens("3.14 and 1,000", ["3.14", "and", "1,000"])
  }

  func testModifierApostropheIsALetter() throws {
    // K'iche' with U+02BC, also at the end and the start of a word.
    try assertTokens("Riʼ are ri nuchʼabʼal.", ["Riʼ", "are", "ri", "nuchʼabʼal", "."])
    try assertTokens("ʼix katkʼiyin", ["ʼix", "katkʼiyin"])
  }

  func testMayanProfileTakesTypedApostrophes() throws {
    let mayan = try OrthographyProfile.named("mayan")
    try assertTokens("Riʼ are ri nuch'ab'al'.", ["Riʼ", "are", "ri", "nuch'ab'al'", "."], profile: mayan)
    try assertTokens("k’iche’ 'ix", ["k’iche’", "'ix"], profile: mayan)
    // The default profile leaves a final ASCII apostrophe apart, as UAX #29 does.
    try assertTokens("nuch'ab'al'", ["nuch'ab'al", "'"])
  }

  func testOkinaAndSaltillo() throws {
    try assertTokens("ʻōlelo Hawaiʻi", ["ʻōlelo", "Hawaiʻi"])
    try assertTokens("nꞌa Ꞌa", ["nꞌa", "Ꞌa"])
    let polynesian = try OrthographyProfile.named("polynesian")
    try assertTokens("‘ōlelo Hawai‘i", ["‘ōlelo", "Hawai‘i"], profile: polynesian)
  }

  func testToneLettersStayInWords() throws {
    // Chinantec-style tone letters and modifier letters.
    try assertTokens("ma˥˩ ta˧ kaˆ jmiˋ", ["ma˥˩", "ta˧", "kaˆ", "jmiˋ"])
    try assertTokens("hnáꜗ ꜙla", ["hnáꜗ", "ꜙla"])
    let otomanguean = try OrthographyProfile.named("otomanguean")
    try assertTokens("ca³ la²³ jmi¹", ["ca³", "la²³", "jmi¹"], profile: otomanguean)
  }

  func testHyphensJoinWordsUnlessPlainUAX29() throws {
    try assertTokens("a well-known COVID-19 case - or not", ["a", "well-known", "COVID-19", "case", "-", "or", "not"])
    try assertTokens("-start end-", ["-", "start", "end", "-"])
    try assertTokens("well-known", ["well", "-", "known"], profile: .none)
  }

  func testCombiningMarksStayWithTheirBase() throws {
    // Decomposed input is composed (NFC) and offsets point at the original.
    let text = "cafe\u{0301} nin\u{0303}o"
    let tokens = try Tokenizer().tokens(in: text)
    XCTAssertEqual(tokens.map(\.text), ["café", "niño"])
    XCTAssertEqual(tokens.map(\.utf8Range), [0..<6, 7..<13])
    // A mark the NFC form cannot compose stays inside the word.
    try assertTokens("q\u{0301}a\u{0331} x", ["q\u{0301}a\u{0331}", "x"])
  }

  func testElisionAndContractions() throws {
    let elision = try OrthographyProfile.named("elision")
    try assertTokens("L'homme qu'il aime d’abord", ["L'", "homme", "qu'", "il", "aime", "d’", "abord"], profile: elision)
    let english = try OrthographyProfile.named("english")
    try assertTokens("I don't know John's cat", ["I", "do", "n't", "know", "John", "'s", "cat"], profile: english)
    // Swahili ng'ombe keeps its apostrophe (UAX #29 MidNumLet between letters).
    try assertTokens("ng'ombe wangu", ["ng'ombe", "wangu"])
  }

  func testOffsetsAndScripts() throws {
    let text = "  Utz awach, Ꮳ 42"
    let tokens = try Tokenizer().tokens(in: text)
    XCTAssertEqual(tokens.map(\.text), ["Utz", "awach", ",", "Ꮳ", "42"])
    for token in tokens { XCTAssertEqual(substring(text, token.utf8Range), token.text) }
    XCTAssertEqual(tokens.map(\.script.iso15924), ["Latn", "Latn", "Zyyy", "Cher", "Zyyy"])
  }

  func testTurkishTextIsNotCaseMapped() throws {
    // Tokenization keeps case; case mapping is normalize's job.
    try assertTokens("İstanbul'da ılık", ["İstanbul'da", "ılık"])
  }
}
