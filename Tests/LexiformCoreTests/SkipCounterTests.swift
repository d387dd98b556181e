import Foundation
import XCTest

@testable import LexiformCore

final class SkipCounterTests: XCTestCase {
  private func sample() -> SkipCounter {
    var skipped = SkipCounter()
    skipped.record(reason: "missing translation", at: SourceLocation(path: "a.tsv", line: 9))
    for line in 3..<13 {
      skipped.record(reason: "invalid UTF-8", at: SourceLocation(path: "a.tsv", line: line, column: line == 3 ? 5 : 1))
    }
    skipped.record(reason: "missing translation", at: SourceLocation(path: "a.tsv", line: 20))
    return skipped
  }

  func testReportText() {
    XCTAssertEqual(
      sample().report(),
      [
        "skipped 12 records: 10 × invalid UTF-8 (first at a.tsv:3:5), 2 × missing translation (first at a.tsv:9)",
        "  invalid UTF-8 at a.tsv:3:5, a.tsv:4:1, a.tsv:5:1 and 7 more",
        "  missing translation at a.tsv:9, a.tsv:20",
      ])
  }

  func testCountsAndTotal() {
    let skipped = sample()
    XCTAssertEqual(skipped.total, 12)
    XCTAssertFalse(skipped.isEmpty)
    XCTAssertEqual(skipped.count(for: "invalid UTF-8"), 10)
    XCTAssertEqual(skipped.count(for: "missing translation"), 2)
    XCTAssertEqual(skipped.count(for: "other"), 0)
    XCTAssertEqual(skipped.reasons.map(\.examples.count), [3, 2], "at most 3 locations are kept")
  }

  func testEmptyAndSingleReports() {
    XCTAssertEqual(SkipCounter().report(), [])
    XCTAssertTrue(SkipCounter().isEmpty)
    var one = SkipCounter()
    one.record(reason: "empty lemma", at: SourceLocation(path: "-", line: 1))
    XCTAssertEqual(one.report(), ["skipped 1 record: 1 × empty lemma (first at -:1)"])
  }

  func testTiesKeepTheOrderFirstSeen() {
    var skipped = SkipCounter(examplesPerReason: 0)
    skipped.record(reason: "b", at: SourceLocation(path: "f", line: 1))
    skipped.record(reason: "a", at: SourceLocation(path: "f", line: 2))
    XCTAssertEqual(skipped.report(), ["skipped 2 records: 1 × b, 1 × a"])
  }

  func testMerge() {
    var first = SkipCounter(examplesPerReason: 2)
    first.record(reason: "x", at: SourceLocation(path: "p1", line: 1))
    var second = SkipCounter()
    second.record(reason: "x", at: SourceLocation(path: "p2", line: 1))
    second.record(reason: "x", at: SourceLocation(path: "p2", line: 2))
    second.record(reason: "y", at: SourceLocation(path: "p2", line: 3))
    first.merge(second)
    XCTAssertEqual(first.total, 4)
    XCTAssertEqual(first.count(for: "x"), 3)
    XCTAssertEqual(first.reasons.first?.examples.map(\.description), ["p1:1", "p2:1"])
    XCTAssertEqual(first.count(for: "y"), 1)
  }

  func testSummaryEncodesToJSON() throws {
    var skipped = SkipCounter()
    skipped.record(reason: "bad tag", at: SourceLocation(path: "u.tsv", line: 4, column: 2, byteOffset: 40))
    skipped.record(reason: "bad tag", at: SourceLocation(path: "u.tsv", line: 6))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(skipped.summary), as: UTF8.self)
    XCTAssertEqual(
      json,
      #"{"reasons":[{"count":2,"examples":[{"byteOffset":40,"column":2,"line":4,"path":"u.tsv"},"#
        + #"{"line":6,"path":"u.tsv"}],"reason":"bad tag"}],"total":2}"#)
    let decoded = try JSONDecoder().decode(SkipSummary.self, from: Data(json.utf8))
    XCTAssertEqual(decoded, skipped.summary)
    XCTAssertEqual(
      decoded.reasons.first?.examples.first?.sourceLocation,
      SourceLocation(path: "u.tsv", line: 4, column: 2, byteOffset: 40))
  }
}
