import Foundation
import XCTest
import _LexiformTestSupport

/// `lexiform lexicon …` as users and scripts call it.
final class LexiconCLITests: XCTestCase {
  var samples: String { (packageRootDirectory() ?? ".") + "/resources/samples" }

  func testStatsJSONHasTheContractKeys() throws {
    let result = try lexiform(["lexicon", "stats", samples + "/quc-spa.lift", "--json"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(object["entries"] as? Int, 3)
    XCTAssertEqual(object["deleted"] as? Int, 1)
    XCTAssertEqual(object["senses"] as? Int, 2)
    XCTAssertEqual(object["translations"] as? Int, 3)
    XCTAssertEqual(object["languages"] as? [String], ["en", "es", "quc"])
    XCTAssertEqual(object["skipped"] as? Int, 0)
    XCTAssertEqual(result.stdout.filter { $0 == "\n" }.count, 1, "one JSON object, one line")
  }

  func testStatsCountsTSVLines() throws {
    let result = try lexiform(["lexicon", "stats", samples + "/swh-eng.tsv", "--json"])
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(object["entries"] as? Int, 6, "one per non-comment line")
  }

  func testConvertPicksTheFormatFromTheExtensionAndRoundTrips() throws {
    let dir = try TemporaryDirectory()
    for ext in ["jsonl", "tsv", "lift", "tei"] {
      let out = dir.file("swh-eng.\(ext)")
      let result = try lexiform(["lexicon", "convert", "--quiet", samples + "/swh-eng.dix", out])
      XCTAssertEqual(result.status, 0, result.stderr)
      XCTAssertEqual(result.stdout, "")
      let back = try lexiform(["lexicon", "stats", out, "--json"])
      XCTAssertEqual(back.status, 0, back.stderr)
      let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [String: Any])
      XCTAssertEqual(object["format"] as? String, ext)
      XCTAssertGreaterThanOrEqual(object["translations"] as? Int ?? 0, 9, ext)
    }
    // To standard output with --to.
    let piped = try lexiform(["lexicon", "convert", "--quiet", samples + "/swh-eng.tei", "-", "--to", "jsonl"])
    XCTAssertEqual(piped.status, 0)
    XCTAssertEqual(piped.stdout.split(separator: "\n").count, 4, "a header line and three entries")
    // TSV cannot hold definitions: it says so.
    let lossy = try lexiform(["lexicon", "convert", samples + "/swh-eng.tei", dir.file("lossy.tsv")])
    XCTAssertTrue(lossy.stderr.contains("tsv cannot hold"), lossy.stderr)
  }

  func testAFailedConvertLeavesThePreviousOutputUntouched() throws {
    let dir = try TemporaryDirectory()
    let out = try dir.write("previous good output\n", to: "out.jsonl")
    let broken = try dir.write(
      "<dictionary><section id=\"m\" type=\"standard\">\n<e><i>a</i></e>\n<e><p><l>b</l></p></e>\n</section></dictionary>",
      to: "broken.dix")
    let result = try lexiform(["lexicon", "convert", broken, out])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr, "\(broken):3:4: error: expected <r> after <l> inside <p>, found </p>\n")
    XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous good output\n")
    XCTAssertEqual(try dir.contents().sorted(), ["broken.dix", "out.jsonl"], "no temporary file left behind")
    // Lenient: the bad entry is skipped and reported.
    let lenient = try lexiform(["lexicon", "convert", "--lenient", "--quiet", broken, out])
    XCTAssertEqual(lenient.status, 0)
    XCTAssertTrue(lenient.stderr.contains("skipped 1 record: 1 × expected <r> after <l> inside <p>, found </p> (first at \(broken):3:4)"), lenient.stderr)
    XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count, 1, "the good entry")
  }

  func testUnknownOutputFormatIsAUsageError() throws {
    let result = try lexiform(["lexicon", "convert", samples + "/swh-eng.dix", "/tmp/x.docx"])
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("cannot tell the output format"), result.stderr)
  }

  func testLookupInvertMergePivot() throws {
    let lookup = try lexiform(["lexicon", "lookup", samples + "/swh-eng.tei", "Soma"])
    XCTAssertEqual(lookup.status, 0, lookup.stderr)
    XCTAssertTrue(lookup.stdout.hasPrefix("soma (v)\n"), lookup.stdout)
    XCTAssertTrue(lookup.stdout.contains("→ read [en]"), lookup.stdout)
    let missing = try lexiform(["lexicon", "lookup", samples + "/swh-eng.tei", "zzz"])
    XCTAssertEqual(missing.stdout, "")
    XCTAssertTrue(missing.stderr.contains("no entry for \"zzz\""))

    let inverted = try lexiform(["lexicon", "invert", samples + "/swh-eng.dix"])
    XCTAssertEqual(inverted.status, 0, inverted.stderr)
    XCTAssertTrue(inverted.stdout.contains("\"headword\":{\"text\":\"cat\",\"lang\":\"eng\""), inverted.stdout)
    // kitabu → book is LR only, so book → kitabu is RL only.
    XCTAssertTrue(inverted.stdout.contains("\"text\":\"kitabu\",\"lang\":\"swh\"},\"direction\":\"RL\""), inverted.stdout)

    let merged = try lexiform(["lexicon", "merge", samples + "/swh-eng.dix", samples + "/swh-eng.tsv"])
    XCTAssertEqual(merged.status, 0, merged.stderr)
    XCTAssertTrue(merged.stdout.contains("\"source\":"), "each translation keeps its origin")

    let pivot = try lexiform(["lexicon", "pivot", samples + "/swh-eng.tsv", samples + "/swh-eng.tsv"])
    XCTAssertEqual(pivot.status, 0, pivot.stderr)
  }
}
