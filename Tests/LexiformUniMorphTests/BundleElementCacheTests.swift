import Foundation
import LexiformCore
@testable import LexiformUniMorph
import XCTest
import _LexiformTestSupport

/// The validator's element path (bundles split on their bytes, elements
/// checked once) must give exactly what the general path (parse, then
/// check) gives: the same problems, in the same order, and the same identity.
final class BundleElementCacheTests: XCTestCase {
  func assertSamePaths(_ bundles: some Sequence<String>, file: StaticString = #filePath, line: UInt = #line) {
    let validator = UniMorphValidator()
    let run = RowChecker(validator: validator)
    for tags in bundles {
      var text = tags
      text.withUTF8 { bytes in
        let raw = UnsafeRawBufferPointer(bytes)
        let general = run.analyzeParsing(raw)
        guard let fast = run.analyzeByElements(raw) else { return }
        XCTAssertEqual(fast.identity, general.identity, tags, file: file, line: line)
        XCTAssertEqual(fast.problems.map(\.offset), general.problems.map(\.offset), tags, file: file, line: line)
        XCTAssertEqual(fast.problems.map(\.code), general.problems.map(\.code), tags, file: file, line: line)
        XCTAssertEqual(fast.problems.map(\.message), general.problems.map(\.message), tags, file: file, line: line)
      }
    }
  }

  func testHandWrittenBundles() {
    assertSamePaths([
      "V;PST", "PST;V", "V;V", "V;PST;PRS", "V;PST+PRS", "V;PST/PRS", "V;V.PTCP", "V.PTCP;V", "N;NOM;ACC",
      "N;XYZ;PST", "N;LGSPEC", "N;PASS:PRS", "N; PL", "V;IMP;ACC(2,SG);NOM(INFM,2,SG)", "N;ABL(PL;PSS(2,PL))",
      "N;ABL(PL;PSS(2,PL));ABL(PL;PSS(2,PL))", "N;ABL(PL;PL)", "N;NOM/ACC;NOM/ACC", "N;IN+ESS;AT+ESS", "N;ESS+IN;IN+ESS",
      "V;(", "V;)", "V;;PST", "V;", ";V", "V,PST", "V;ACC(2,SG", "V;ACC(2,SG))", "V;ACC()", "V;ACC(2,SG)X",
      "V;ACC(2;SG);ACC(SG,2)", "ADJ;MASC/FEM;SG;PL", "V;ARGNO1S;ARGNO1S", "N;PSS1S;PSS2S", "V;1;2;SG",
    ])
  }

  func testEveryBundleOfTheSharedData() throws {
    var bundles: Set<String> = []
    try forEachSharedEntry { bundles.insert($0.tags) }
    XCTAssertGreaterThan(bundles.count, 10_000)
    assertSamePaths(bundles.sorted())
  }

  /// `withNextRow` reads the same rows as `next()`, and skips the same ones.
  func testRowsAsBytesMatchEntries() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "# comment\nwalk\twalked\tV;PST\n\nbad row\nrun\tran\tV;PST\n \r\nx\t\tV\nrun\trunning\tV.PTCP;PRS\n", to: "t.tsv")
    let options = UniMorphReaderOptions(columns: .fixed(.lemmaFormTags), lenient: true)
    let entries = UniMorphTableReader(paths: [path], options: options)
    var expected: [String] = []
    while let entry = try entries.next() { expected.append(entry.line(.lemmaTagsForm)) }
    let rows = UniMorphTableReader(paths: [path], options: options)
    var found: [String] = []
    while let row = try rows.withNextRow({ lemma, form, tags in
      [lemma, tags, form].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\t")
    }) {
      found.append(row)
    }
    XCTAssertEqual(found, expected)
    XCTAssertEqual(found.count, 3)
    XCTAssertEqual(rows.skipped.total, entries.skipped.total)
  }
}
