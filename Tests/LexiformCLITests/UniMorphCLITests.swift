import Foundation
import XCTest
import _LexiformTestSupport

final class UniMorphCLITests: XCTestCase {
  static let table = """
    walk\twalked\tV;PST
    walk\twalks\tV;PRS;3;SG
    walk\twalking\tV;V.PCTP;PRS
    walk\twalks\tV;PRS;3;SG
    go\twent\tV;PST
    go\tgoes\tV;PRS;3;SG
    go\tgone\tV;V.PTCP;PST

    """

  func testValidatePrintsEveryProblemAndExitsOne() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.table, to: "eng.tsv")
    let result = try lexiform(["unimorph", "validate", "--quiet", path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr,
      """
      \(path):3:16: error: unknown feature V.PCTP (did you mean V.PTCP?)
      \(path):4:1: error: duplicate row: the same lemma, form and features as line 2
      \(path):5:4: warning: form went shares nothing with its lemma go: they have no letter in common; is it built on another lemma?

      """)
  }

  func testValidateJSONAndCleanTableExitsZero() throws {
    let directory = try TemporaryDirectory()
    let bad = try directory.write("a\tV;PST(\tb\n", to: "bad.tsv")
    let json = try lexiform(["unimorph", "validate", "--json", "--columns", "lemma-tags-form", "--no-warnings", bad])
    XCTAssertEqual(json.status, 1)
    XCTAssertEqual(
      json.stdout,
      "{\"path\":\"\(bad)\",\"line\":1,\"column\":8,\"severity\":\"error\",\"code\":\"unbalanced-parentheses\",\"message\":\"'(' is never closed: expected features and ')' after it\"}\n"
    )
    let good = try directory.write("run\tran\tV;PST\nrun\truns\tV;PRS;3;SG\nrun\trunning\tV.PTCP;PRS\nrun\trun\tV;NFIN\n", to: "good.tsv")
    let clean = try lexiform(["unimorph", "validate", good])
    XCTAssertEqual(clean.status, 0, clean.stderr)
    XCTAssertEqual(clean.stderr, "\(good): 4 rows, columns lemma-form-tags (detected), 0 errors, 0 warnings\n")
  }

  func testStatsJSON() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(Self.table, to: "eng.tsv")
    let result = try lexiform(["unimorph", "stats", "--json", "--quiet", path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertTrue(result.stdout.hasPrefix("{\"rows\":7,\"lemmas\":2,\"forms\":6,\"bundles\":4,"), result.stdout)
  }

  func testConvertAndLookup() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("go\tgoes\tV;PRS;3;SG\ngo\twent\tV;PST\n", to: "eng.tsv")
    let swapped = try lexiform(["unimorph", "convert", path, "--to", "lemma-tags-form", "--quiet"])
    XCTAssertEqual(swapped.stdout, "go\tV;PRS;3;SG\tgoes\ngo\tV;PST\twent\n")
    let jsonl = try lexiform(["unimorph", "convert", path, "--to", "jsonl", "--quiet"])
    XCTAssertEqual(
      jsonl.stdout.split(separator: "\n").last,
      "{\"lemma\":\"go\",\"form\":\"went\",\"tags\":\"V;PST\",\"features\":[\"V\",\"PST\"]}")
    let lookup = try lexiform(["unimorph", "lookup", path, "--features", "V;PST;*", "--quiet"])
    XCTAssertEqual(lookup.stdout, "go\twent\tV;PST\n")
    let usage = try lexiform(["unimorph", "lookup", path])
    XCTAssertEqual(usage.status, 2)
    XCTAssertTrue(usage.stderr.contains("give --lemma, --form or --features"), usage.stderr)
  }

  func testSplitIsDeterministicAndLemmaDisjoint() throws {
    let directory = try TemporaryDirectory()
    var rows = ""
    for lemma in 0..<40 {
      for tags in ["V;PST", "V;PRS", "V;FUT"] { rows += "lemma\(lemma)\tlemma\(lemma)x\(tags.suffix(3))\t\(tags)\n" }
    }
    let path = try directory.write(rows, to: "t.tsv")
    let a = try lexiform(["unimorph", "split", path, "--seed", "7", "--output", directory.file("a"), "--quiet"])
    XCTAssertEqual(a.status, 0, a.stderr)
    let b = try lexiform(["--seed", "7", "unimorph", "split", path, "--output", directory.file("b"), "--quiet"])
    XCTAssertEqual(b.status, 0, b.stderr)
    var lemmas: [Set<Substring>] = []
    for part in ["train", "dev", "test"] {
      let first = try String(contentsOfFile: directory.file("a.\(part)"), encoding: .utf8)
      XCTAssertEqual(first, try String(contentsOfFile: directory.file("b.\(part)"), encoding: .utf8))
      lemmas.append(Set(first.split(separator: "\n").map { $0.split(separator: "\t")[0] }))
    }
    XCTAssertEqual(lemmas.map(\.count).reduce(0, +), 40)
    XCTAssertTrue(lemmas[0].isDisjoint(with: lemmas[1]) && lemmas[0].isDisjoint(with: lemmas[2]))
    XCTAssertTrue(a.stderr.contains("dev\t"), a.stderr)
    let bad = try lexiform(["unimorph", "split", path, "--train", "0.9", "--output", directory.file("c")])
    XCTAssertEqual(bad.status, 2)
  }
}
