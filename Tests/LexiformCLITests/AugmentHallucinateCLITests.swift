import Foundation
import XCTest
import _LexiformTestSupport

final class AugmentHallucinateCLITests: XCTestCase {
  func testWritesTriplesInTheLayoutOfTrain() throws {
    let directory = try TemporaryDirectory()
    let old = try directory.write("walk\twalked\tV;PST\ntalk\ttalks\tV;PRS;3;SG\ngo\twent\tV;PST\n", to: "eng.trn")
    let result = try lexiform(["augment", "hallucinate", old, "--n", "2", "--seed", "5", "--alphabet", "pqrs"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    XCTAssertEqual(rows.count, 4)
    for row in rows {
      XCTAssertEqual(row.count, 3)
      XCTAssertTrue(row[2].hasPrefix("V;"), "tags last in the 2017 layout: \(row)")
      XCTAssertTrue(row[1].hasPrefix(row[0]))
      XCTAssertTrue(row[0].allSatisfy { "pqrs".contains($0) })
    }
    XCTAssertTrue(
      result.stderr.contains("hallucinate: 3 real triples, 4 synthetic, 1 without a stem of 3+ characters, 0 given up"),
      result.stderr)
    let new = try directory.write("walk\tV;PST\twalked\ntalk\tV;PRS;3;SG\ttalks\n", to: "eng.2023.trn")
    let swapped = try lexiform(["augment", "hallucinate", new, "--n", "2", "--seed", "5", "--alphabet", "pqrs", "--quiet"])
    XCTAssertEqual(swapped.status, 0, swapped.stderr)
    XCTAssertEqual(
      swapped.stdout,
      rows.map { "\($0[0])\t\($0[2])\t\($0[1])\n" }.joined(),
      "the same rows, in the 2022/2023 layout")
    // Standard input gives the same bytes as the file.
    let piped = try lexiform(
      ["augment", "hallucinate", "-", "--n", "2", "--seed", "5", "--alphabet", "pqrs", "--quiet"],
      stdin: try String(contentsOfFile: new, encoding: .utf8))
    XCTAssertEqual(piped.stdout, swapped.stdout)
  }

  func testKeepOriginalAndBadOptions() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("walk\twalked\tV;PST\n", to: "t.tsv")
    let kept = try lexiform(["augment", "hallucinate", path, "--n", "1", "--keep-original", "--quiet"])
    XCTAssertEqual(kept.status, 0, kept.stderr)
    XCTAssertTrue(kept.stdout.hasPrefix("walk\twalked\tV;PST\n"), kept.stdout)
    XCTAssertEqual(kept.stdout.split(separator: "\n").count, 2)
    let bad = try lexiform(["augment", "hallucinate", path, "--n=-1"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(bad.stderr.contains("--n must be at least 0"), bad.stderr)
    let broken = try directory.write("walk\twalked\n", to: "broken.tsv")
    let error = try lexiform(["augment", "hallucinate", broken, "--columns", "lemma-form-tags"])
    XCTAssertEqual(error.status, 1)
    XCTAssertTrue(error.stderr.hasPrefix("\(broken):1:1: error:"), error.stderr)
  }
}
