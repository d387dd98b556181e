import Foundation
import LexiformCore
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

final class UniMorphValidatorTests: XCTestCase {
  func problems(
    _ text: String, columns: UniMorphColumnChoice = .auto, relatedness: Bool = true
  ) throws -> (summary: UniMorphValidationSummary, found: [UniMorphError]) {
    let directory = try TemporaryDirectory()
    let path = try directory.write(text, to: "t.tsv")
    return try Self.validateBothWays(path, UniMorphValidatorOptions(columns: columns, checksUnrelatedForms: relatedness))
  }

  /// Validates `path` with rows checked on a second thread and on the
  /// calling thread, and asserts that both report the same problems, in
  /// the same order, and the same summary.
  static func validateBothWays(
    _ path: String, _ options: UniMorphValidatorOptions, file: StaticString = #filePath, line: UInt = #line
  ) throws -> (summary: UniMorphValidationSummary, found: [UniMorphError]) {
    var results: [(summary: UniMorphValidationSummary, found: [UniMorphError])] = []
    for concurrent in [true, false] {
      var options = options
      options.concurrent = concurrent
      var found: [UniMorphError] = []
      let summary = try UniMorphValidator(options: options).validate(path: path) { found.append($0) }
      results.append((summary, found))
    }
    XCTAssertEqual(results[0].summary, results[1].summary, file: file, line: line)
    XCTAssertEqual(results[0].found.map(\.description), results[1].found.map(\.description), file: file, line: line)
    return results[0]
  }

  /// A table of many batches (rows are handed between the threads in
  /// batches of about 2,000): duplicates far apart and across batches,
  /// paradigms cut by a batch boundary, invalid UTF-8, bad rows and
  /// comments; every problem is found, in order, either way.
  func testLargeTableGivesTheSameProblemsOnOneOrTwoThreads() throws {
    var bytes: [UInt8] = []
    var expectedDuplicates = 0
    var seen: Set<String> = []
    let tags = ["V;PST;1;SG", "V;PST;2;SG", "V;PST;3;SG", "V;PST;1;PL", "V;PST;2;PL", "V;PST;3;PL", "V;PRS;3;SG"]
    var expectedUnknown = 0
    var expectedInvalid = 0
    for row in 0..<9_000 {
      let lemma = "lemma\(row / 7)"
      switch row % 997 {
      case 0: bytes += Array("# comment \(row)\n".utf8)
      case 1:
        bytes += Array("\(lemma)\t".utf8) + [0xC3, 0x28] + Array("\tV;PST\n".utf8)
        expectedInvalid += 1
        continue
      case 2: bytes += Array("\(lemma)\tonly two\n".utf8)
      default: break
      }
      if row % 331 == 5 {
        bytes += Array("\(lemma)\tzzz\tV;PST;XYZ\n".utf8)  // unknown feature, and unrelated to its lemma
        expectedUnknown += 1
      }
      // Every 50th row repeats row 7 × (row / 50), 2,000 or more rows back.
      let source = row % 50 == 49 ? (row / 50) * 7 : row
      let line = "lemma\(source / 7)\tlemma\(source / 7)s\(source % 7)\t\(tags[source % 7])\n"
      if !seen.insert(line).inserted { expectedDuplicates += 1 }
      bytes += Array(line.utf8)
    }
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes: bytes, to: "large.tsv")
    let (summary, found) = try Self.validateBothWays(
      path, UniMorphValidatorOptions(columns: .fixed(.lemmaFormTags), checksUnrelatedForms: true))
    XCTAssertEqual(summary.counts[.duplicateRow], expectedDuplicates)
    XCTAssertEqual(summary.counts[.invalidUTF8], expectedInvalid)
    XCTAssertEqual(summary.counts[.unknownFeature], expectedUnknown)
    XCTAssertEqual(summary.counts[.columnCount], 10)
    XCTAssertGreaterThan(summary.counts[.unrelatedForm] ?? 0, 0)
    // Errors come in the order of their lines (warnings about a paradigm
    // when the paradigm ends).
    let lines = found.filter { $0.severity == .error }.compactMap { $0.location?.line }
    XCTAssertEqual(lines, lines.sorted(), "errors are reported in the order of their lines")
    XCTAssertGreaterThan(summary.rows, 9_000)
  }

  /// One row per check; each problem must be reported at its line and column.
  func testEveryCheckIsLocated() throws {
    let rows = [
      "walk\twalked\tV;PST",  // 1 fine
      "walk\twalked\tV;PST",  // 2 duplicate of 1
      "walk\twalking\tV;V.PCTP;PRS",  // 3 unknown feature at col 16
      "walk\twalks\tV;PRS;PST;3;SG",  // 4 conflict at col 18
      "walk\twalks\tV;NOM(3,SG",  // 5 unbalanced at col 17
      "walk\twalks",  // 6 column count
      "walk\t\tV;PRS",  // 7 empty form at col 6
      "walk\twalke\u{0301}\tV;PRS",  // 8 not NFC at col 6
      "walk\twalks\tV;PRS;PRS",  // 9 repeated at col 18
      "# a comment",
      "",
      "walk\twalks\tV;3;SG;PRS;LgSPEC8",  // 12 unknown with suggestion at col 23
    ]
    let (summary, found) = try problems(rows.joined(separator: "\n") + "\n")
    let got = found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0):\($0.code)" }
    XCTAssertEqual(
      got,
      [
        "2:1:duplicate-row", "3:16:unknown-feature", "4:18:conflicting-features", "5:17:unbalanced-parentheses",
        "6:11:column-count", "7:6:empty-field", "8:6:not-nfc", "9:18:repeated-feature", "12:23:unknown-feature",
      ])
    XCTAssertEqual(summary.rows, 10)
    XCTAssertEqual(summary.errors, 9)
    XCTAssertEqual(summary.columnOrder, .lemmaFormTags)
    XCTAssertTrue(summary.detected)
    let messages = found.map(\.description)
    XCTAssertTrue(messages.contains { $0.hasSuffix("t.tsv:3:16: error: unknown feature V.PCTP (did you mean V.PTCP?)") }, "\(messages)")
    XCTAssertTrue(messages.contains { $0.contains("t.tsv:12:23: error: unknown feature LgSPEC8 (did you mean LGSPEC8?)") })
    XCTAssertTrue(messages.contains { $0.contains("two Tense features, PRS and PST, without '+' or '/'") })
    XCTAssertTrue(messages.contains { $0.contains("t.tsv:2:1: error: duplicate row: the same lemma, form and features as line 1") })
  }

  func testCompoundsAndLayersAreNotConflicts() throws {
    let rows = [
      "a\tb\tV;PRS+PST;3;SG",
      "a\tc\tN;NOM/ACC;SG",
      "a\td\tV;IMP;ACC(2,SG);NOM(INFM,2,SG)",
      "a\te\tV;V.PTCP;PST",
      "a\tf\tV;PST;RMT",
      "a\tg\tV;TEL;DUR",
      "a\th\tV;ARGNO1S;ARGAC3S",
    ]
    let (_, found) = try problems(rows.joined(separator: "\n"), columns: .fixed(.lemmaFormTags), relatedness: false)
    XCTAssertEqual(found.map(\.description), [])
  }

  func testColumnOrderIsDetectedAndLayeredTagsChecked() throws {
    let rows = ["Abu Dabili\tN;ABL(PL)\tAbu Dabililerden", "Abu Dabili\tN;ABL(PL;PSS(2,XX))\tAbu Dabililerinizden"]
    let (summary, found) = try problems(rows.joined(separator: "\n"))
    XCTAssertEqual(summary.columnOrder, .lemmaTagsForm)
    XCTAssertTrue(summary.detected)
    XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0):\($0.code)" }, ["2:27:unknown-feature"])
  }

  func testFormsNotBuiltOnTheirLemmaAreWarnings() throws {
    var rows: [String] = []
    for (tags, form) in [("V;PST", "acıktırdı"), ("V;PRS", "acıktırıyor"), ("V;FUT", "acıktıracak"), ("V;IMP", "acıktır"),
      ("V;FUT;PROG", "yaptırıyor olacağız")]
    {
      rows.append("acıktırmak\t\(form)\t\(tags)")
    }
    rows.append("go\twent\tV;PST")  // a paradigm of one row: shares no letter
    rows.append("go\tgoes\tV;PRS;3;SG")
    let (summary, found) = try problems(rows.joined(separator: "\n"), columns: .fixed(.lemmaFormTags))
    XCTAssertEqual(summary.errors, 0)
    XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.severity):\($0.code)" }, ["5:warning:unrelated-form", "6:warning:unrelated-form"])
    XCTAssertTrue(found[0].description.contains("form yaptırıyor olacağız shares nothing with its lemma acıktırmak"))
  }

  func testInvalidUTF8IsReportedAndReadingGoesOn() throws {
    let directory = try TemporaryDirectory()
    var bytes = Array("a\tb\tV;PST\n".utf8)
    bytes += [0x61, 0x09, 0xFF, 0x09] + Array("V\n".utf8)
    bytes += Array("a\tc\tV;XX\n".utf8)
    let path = try directory.write(bytes: bytes, to: "bad.tsv")
    let (_, found) = try Self.validateBothWays(
      path, UniMorphValidatorOptions(columns: .fixed(.lemmaFormTags), checksUnrelatedForms: false))
    XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.code)" }, ["2:invalid-utf8", "3:unknown-feature"])
  }

  func testMissingFileIsAnError() {
    XCTAssertThrowsError(try UniMorphValidator().validate(path: "/nonexistent/x.tsv") { _ in }) { error in
      XCTAssertTrue("\(error)".contains("/nonexistent/x.tsv"), "\(error)")
    }
  }
}
