import LexiformTokenization
import LexiformUnicode
import XCTest

/// Cherokee, Canadian syllabics, Cyrillic and Greek.
final class SyllabaryTokenizationTests: XCTestCase {
  func testCherokee() throws {
    try assertTokens("ᏏᏲ, ᏙᎯᏧ? ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ.", ["ᏏᏲ", ",", "ᏙᎯᏧ", "?", "ᏣᎳᎩ", "ᎦᏬᏂᎯᏍᏗ", "."])
  }

  func testCanadianSyllabicsWithFinals() throws {
    let tokens = try Tokenizer().tokens(in: "ᐊᓂᔑᓈᐯᒧᐎᓐ ᐅᒋᑖᐤ")
    XCTAssertEqual(tokens.map(\.text), ["ᐊᓂᔑᓈᐯᒧᐎᓐ", "ᐅᒋᑖᐤ"])
    XCTAssertEqual(Set(tokens.map(\.script.iso15924)), ["Cans"])
  }

  func testUkrainianApostropheInsideWords() throws {
    try assertTokens("п'ять м’ясо подвірʼя", ["п'ять", "м’ясо", "подвірʼя"])
  }

  func testGreekAndCyrillicScripts() throws {
    let tokens = try Tokenizer().tokens(in: "Добрий ημέρα")
    XCTAssertEqual(tokens.map(\.script.iso15924), ["Cyrl", "Grek"])
  }
}
