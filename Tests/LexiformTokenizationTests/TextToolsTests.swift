import Foundation
import LexiformCore
import LexiformTokenization
import LexiformUnicode
import XCTest

/// Normalization pipeline, script breakdown, detokenization, output formats.
final class TextToolsTests: XCTestCase {
  func testNormalizationSteps() throws {
    func normalize(_ text: String, _ options: TextNormalizerOptions) throws -> String {
      try TextNormalizer(options: options).normalize(text)
    }
    XCTAssertEqual(Array(try normalize("e\u{0301}", .init()).unicodeScalars), ["\u{E9}"])
    XCTAssertEqual(try normalize("ﬁ", .init(form: .nfkc)), "fi")
    XCTAssertEqual(try normalize("DIŞ İŞLER", .init(language: "tr", caseMapping: .lower)), "dış işler")
    XCTAssertEqual(try normalize("ΟΔΟΣ", .init(language: "el", caseMapping: .lower)), "οδος")
    XCTAssertEqual(try normalize("  a \t b  ", .init(collapsesWhitespace: true)), "a b")
    XCTAssertEqual(
      try normalize("Ri' nuch’ab’al 'quoted'", .init(language: "quc", unifiesApostrophes: true)),
      "Riʼ nuchʼabʼal ʼquotedʼ")
    // Format characters go, except joiners where the script uses them.
    XCTAssertEqual(
      try normalize("soft\u{00AD}hyphen \u{200B}x می\u{200C}خواهم a\u{200D}b", .init(removesFormatCharacters: true)),
      "softhyphen x می\u{200C}خواهم ab")
  }

  func testNormalizerCountsChangedLines() throws {
    let normalizer = try TextNormalizer(options: .init())
    var output: [UInt8] = []
    for line in ["plain", "cafe\u{0301}", "café"] {
      try Array(line.utf8).withUnsafeBufferPointer { try normalizer.transform($0, into: &output) }
    }
    XCTAssertEqual(normalizer.changedLines, 1)
    XCTAssertEqual(normalizer.lines, 3)
    XCTAssertEqual(String(decoding: output, as: UTF8.self), "plain\ncafé\ncafé\n")
  }

  func testScriptBreakdown() {
    let latin = ScriptBreakdown(of: "Hello, world!".unicodeScalars)
    XCTAssertEqual(latin.main, .latin)
    XCTAssertFalse(latin.isMixed)
    let mixed = ScriptBreakdown(of: "abc ДД".unicodeScalars)
    XCTAssertTrue(mixed.isMixed)
    XCTAssertEqual(mixed.proportions.map(\.script), [.latin, .cyrillic])
    XCTAssertEqual(mixed.proportions.first?.share ?? 0, 0.6, accuracy: 1e-9)
    // The danda is shared, not Common: it counts for the text's script.
    let gujarati = ScriptBreakdown(of: "ભાષા।".unicodeScalars)
    XCTAssertEqual(gujarati.countTable, [.gujarati: 5])
    let digits = ScriptBreakdown(of: "123 !".unicodeScalars)
    XCTAssertEqual(digits.main, .common)
    XCTAssertTrue(digits.isExpected(for: [.latin]))
    XCTAssertTrue(latin.isExpected(for: [.cyrillic, .latin]))
    XCTAssertFalse(latin.isExpected(for: [.cherokee]))
  }

  func testScriptReporterJSON() throws {
    let reporter = ScriptReporter(format: .json, expected: [.cyrillic, .latin])
    var output: [UInt8] = []
    try Array("abc ДД".utf8).withUnsafeBufferPointer { try reporter.transform($0, into: &output) }
    XCTAssertEqual(
      String(decoding: output, as: UTF8.self),
      #"{"scripts":{"Latn":0.6,"Cyrl":0.4},"main":"Latn","mixed":true,"expected":true}"# + "\n")
  }

  func testDetokenization() {
    let detokenizer = Detokenizer()
    XCTAssertEqual(detokenizer.detokenize("Hello , world ! ( yes )"), "Hello, world! (yes)")
    XCTAssertEqual(detokenizer.detokenize("ภาษา ไทย ง่าย"), "ภาษาไทยง่าย")
    XCTAssertEqual(detokenizer.detokenize("he said \" hi \" well @-@ known &amp; co"), "he said \"hi\" well-known & co")
    XCTAssertEqual(detokenizer.detokenize("我们 学习 中文 。"), "我们学习中文。")
  }

  func testJSONOutputEscapesAndOffsets() throws {
    let writer = TokenWriter(tokenizer: try Tokenizer(), format: .json)
    var output: [UInt8] = []
    try Array("say \"hi\\\"".utf8).withUnsafeBufferPointer { try writer.transform($0, into: &output) }
    let json = try JSONSerialization.jsonObject(with: Data(output)) as? [String: [[String: Any]]]
    let tokens = try XCTUnwrap(json?["tokens"])
    XCTAssertEqual(tokens.map { $0["text"] as? String }, ["say", "\"", "hi", "\\", "\""])
    XCTAssertEqual(tokens.map { $0["start"] as? Int }, [0, 4, 5, 7, 8])
  }

  func testParallelProcessingKeepsOrder() throws {
    let directory = try TemporaryDirectoryForTokenization()
    let lines = (0..<5000).map { "line \($0) ภาษาไทย, ܫܠܡܐ ʻokina" }
    let path = try directory.write(lines.joined(separator: "\n") + "\n")
    var outputs: [String] = []
    for threads in [1, 2, 3] {
      let processor = ParallelLineProcessor(threads: threads, batchBytes: 1000)
      let first = try Tokenizer()
      let writers = try (0..<threads).map { i in TokenWriter(tokenizer: i == 0 ? first : try first.makeCompanion(), format: .text) }
      var bytes: [UInt8] = []
      try processor.run(readers: [try LineReader(path: path)], transformers: writers) { bytes += $0 }
      outputs.append(String(decoding: bytes, as: UTF8.self))
    }
    XCTAssertEqual(outputs[0], outputs[1])
    XCTAssertEqual(outputs[0], outputs[2])
    XCTAssertTrue(outputs[0].hasPrefix("line 0 ภาษา ไทย , ܫܠܡܐ ʻokina\nline 1 "))
    XCTAssertEqual(outputs[0].split(separator: "\n").count, 5000)
  }
}

/// A file in a fresh temporary directory.
final class TemporaryDirectoryForTokenization {
  let path: String
  init() throws {
    path = NSTemporaryDirectory() + "/lexiform-tok-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  func write(_ text: String) throws -> String {
    let file = path + "/input.txt"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }
}
