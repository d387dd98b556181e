import Foundation
import XCTest
import _LexiformTestSupport

/// `lexiform tokenize`, `normalize` and `scripts` as a user runs them.
final class TokenizeCLITests: XCTestCase {
  func testTokenizeTextOneLinePerInputLine() throws {
    let result = try lexiform(["tokenize"], stdin: "Utz awach, la katkʼiyin?\n\nภาษาไทยง่าย\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "Utz awach , la katkʼiyin ?\n\nภาษา ไทย ง่าย\n")
    XCTAssertEqual(result.stderr, "")
  }

  func testTokenizeJSONOffsetsIntoTheOriginalLine() throws {
    // Decomposed é: the token is NFC, the offsets are the original bytes.
    let result = try lexiform(["tokenize", "--format", "json"], stdin: "cafe\u{0301} ᏏᏲ\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      result.stdout,
      #"{"tokens":[{"text":"café","start":0,"end":6,"script":"Latn"},{"text":"ᏏᏲ","start":7,"end":13,"script":"Cher"}]}"#
        + "\n")
  }

  func testProfilesAndLanguages() throws {
    let mayan = try lexiform(["tokenize", "--lang", "quc"], stdin: "nuch'ab'al'.\n")
    XCTAssertEqual(mayan.stdout, "nuch'ab'al' .\n")
    XCTAssertEqual(mayan.stderr, "")
    let none = try lexiform(["tokenize", "--profile", "none"], stdin: "well-known\n")
    XCTAssertEqual(none.stdout, "well - known\n")
    let unknownLanguage = try lexiform(["tokenize", "--lang", "xyz"], stdin: "a b\nc\n")
    XCTAssertEqual(unknownLanguage.status, 0)
    XCTAssertEqual(unknownLanguage.stdout, "a b\nc\n")
    XCTAssertEqual(
      unknownLanguage.stderr, "lexiform tokenize: no orthography profile for language 'xyz'; using the default profile\n")
    let split = try lexiform(["tokenize", "--split-scripts"], stdin: "COVID-19ના\n")
    XCTAssertEqual(split.stdout, "COVID-19 ના\n")
  }

  func testUnknownProfileIsAUsageErrorListingTheProfiles() throws {
    let result = try lexiform(["tokenize", "--profile", "klingon"], stdin: "")
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(
      result.stderr.contains(
        "unknown profile 'klingon': expected one of none, default, elision, english, mayan, otomanguean, persian, polynesian, ukrainian"),
      result.stderr)
  }

  func testInvalidUTF8IsALocatedErrorOrReplacedWhenLenient() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/bad.txt"
    FileManager.default.createFile(atPath: path, contents: Data([0x6F, 0x6B, 0x0A, 0x61, 0xFF, 0x62, 0x0A]))
    let strict = try lexiform(["tokenize", path])
    XCTAssertEqual(strict.status, 1)
    XCTAssertEqual(strict.stdout, "ok\n")
    XCTAssertTrue(strict.stderr.hasPrefix("\(path):2:2: error: invalid UTF-8 byte 0xFF at byte offset 4"), strict.stderr)
    let lenient = try lexiform(["tokenize", "--lenient", path])
    XCTAssertEqual(lenient.status, 0)
    XCTAssertEqual(lenient.stdout, "ok\na \u{FFFD} b\n")
    XCTAssertEqual(lenient.stderr, "\(path): replaced 1 invalid UTF-8 sequence(s) with U+FFFD in 1 line(s)\n")
  }

  func testMosesStyleAndDetokenization() throws {
    let moses = try lexiform(["tokenize", "--style", "moses", "--aggressive-dash-splits"], stdin: "Don't go well-known & <x>\n")
    XCTAssertEqual(moses.stdout, "Don &apos;t go well @-@ known &amp; &lt; x &gt;\n")
    let plain = try lexiform(["tokenize", "--style", "moses", "--no-escape"], stdin: "Don't go\n")
    XCTAssertEqual(plain.stdout, "Don 't go\n")
    let detok = try lexiform(["tokenize", "--detokenize"], stdin: "Hello , world ! ( yes )\n")
    XCTAssertEqual(detok.stdout, "Hello, world! (yes)\n")
    let bad = try lexiform(["tokenize", "--aggressive-dash-splits"], stdin: "")
    XCTAssertEqual(bad.status, 2)
  }

  func testTwoThreadsGiveTheSameOutputInOrder() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/many.txt"
    let text = (0..<20000).map { "\($0) ᏏᏲ, ܫܠܡܐ ภาษาไทย we're" }.joined(separator: "\n") + "\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let one = try lexiform(["tokenize", "--threads", "1", "--format", "json", path])
    let two = try lexiform(["tokenize", "--threads", "2", "--format", "json", path])
    XCTAssertEqual(one.status, 0)
    XCTAssertEqual(one.stdout, two.stdout)
    XCTAssertEqual(one.stdout.split(separator: "\n").count, 20000)
  }

  func testNormalizeReportsChangedLines() throws {
    let result = try lexiform(
      ["normalize", "--lang", "tr", "--case", "upper"], stdin: "istanbul\nİSTANBUL\ncafe\u{0301}\n")
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "İSTANBUL\nİSTANBUL\nCAFÉ\n")
    XCTAssertEqual(result.stderr, "lexiform normalize: 2 of 3 line(s) changed\n")
    let nfd = try lexiform(["normalize", "--form", "nfd", "--quiet"], stdin: "é\n")
    XCTAssertEqual(Array(nfd.stdout.unicodeScalars), ["e", "\u{0301}", "\n"])
    XCTAssertEqual(nfd.stderr, "")
    let apostrophes = try lexiform(["normalize", "--lang", "quc", "--unify-apostrophes", "--quiet"], stdin: "Ri' nuch’ab’al\n")
    XCTAssertEqual(apostrophes.stdout, "Riʼ nuchʼabʼal\n")
    let noLetter = try lexiform(["normalize", "--unify-apostrophes"], stdin: "")
    XCTAssertEqual(noLetter.status, 2)
  }

  func testScriptsJSONAndTable() throws {
    let json = try lexiform(["scripts", "--format", "json", "--lang", "srp"], stdin: "Добар дан\nDobar dan\nᏏᏲ\n")
    XCTAssertEqual(json.status, 0, json.stderr)
    XCTAssertEqual(
      json.stdout,
      """
      {"scripts":{"Cyrl":1},"main":"Cyrl","mixed":false,"expected":true}
      {"scripts":{"Latn":1},"main":"Latn","mixed":false,"expected":true}
      {"scripts":{"Cher":1},"main":"Cher","mixed":false,"expected":false}

      """)
    let table = try lexiform(["scripts"], stdin: "abc ДД\n")
    XCTAssertEqual(table.stdout, "Latn\tyes\tLatn 0.6, Cyrl 0.4\n")
    let unknown = try lexiform(["scripts", "--expect", "Latn,Xyzw"], stdin: "")
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.stderr.contains("unknown script code 'Xyzw'"), unknown.stderr)
    XCTAssertTrue(unknown.stderr.contains("Cher"), unknown.stderr)
  }
}
