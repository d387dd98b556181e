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
    var found: [UniMorphError] = []
    let summary = try UniMorphValidator(options: UniMorphValidatorOptions(columns: columns, checksUnrelatedForms: relatedness))
      .validate(path: path) { found.append($0) }
    return (summary, found)
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
    var found: [UniMorphError] = []
    _ = try UniMorphValidator(options: UniMorphValidatorOptions(columns: .fixed(.lemmaFormTags), checksUnrelatedForms: false))
      .validate(path: path) { found.append($0) }
    XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.code)" }, ["2:invalid-utf8", "3:unknown-feature"])
  }

  func testMissingFileIsAnError() {
    XCTAssertThrowsError(try UniMorphValidator().validate(path: "/nonexistent/x.tsv") { _ in }) { error in
      XCTAssertTrue("\(error)".contains("/nonexistent/x.tsv"), "\(error)")
    }
  }
}
