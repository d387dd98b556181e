import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

/// Properties of whole commands over inputs from a seeded generator.
final class CLIPropertyTests: XCTestCase {
  static let lemmas = ["soma", "kimbia", "kitabu", "mti", "ʻōlelo", "ŋoma", "ñandu", "kula", "New York", "a"]
  static let bundles = ["V;IND;PRS;3;SG", "V;PST;NOM(1,SG)", "N;PL", "N;SG", "ADJ;CMPR", "V;IND;PRS;3;SG"]

  /// A random UniMorph table: lemma, form, tags; repeated rows and forms
  /// shared between lemmas included.
  static func table(_ random: inout SeededRandom) -> [String] {
    (0..<(20 + random.uniform(below: 120))).map { _ in
      let lemma = lemmas[random.uniform(below: lemmas.count)]
      let form = random.bernoulli(0.2) ? "shared" : lemma + ["", "ni", "li", "ta"][random.uniform(below: 4)]
      return "\(lemma)\t\(form)\t\(bundles[random.uniform(below: bundles.count)])"
    }
  }

  /// `unimorph split`: the three parts hold exactly the input's rows (as a
  /// multiset: none lost, none added), and no lemma, form or bundle (by
  /// `--by`) is in two parts.
  func testUniMorphSplitPartsAreDisjointAndCoverTheInput() throws {
    let directory = try TemporaryDirectory()
    var random = SeededRandom(seed: 424_242)
    for round in 0..<6 {
      let rows = Self.table(&random)
      let input = try directory.write(rows.joined(separator: "\n") + "\n", to: "t\(round).tsv")
      for (by, column) in [("lemma", 0), ("form", 1), ("bundle", 2)] {
        let prefix = directory.file("p\(round)\(by)")
        let result = try lexiform([
          "unimorph", "split", "--quiet", input, "--output", prefix, "--by", by, "--seed", "\(round)",
          "--columns", "lemma-form-tags",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        var parts: [[String]] = []
        for name in ["train", "dev", "test"] {
          let text = try String(contentsOfFile: "\(prefix).\(name)", encoding: .utf8)
          parts.append(text.split(separator: "\n").map(String.init))
        }
        XCTAssertEqual(parts.flatMap { $0 }.sorted(), rows.sorted(), "round \(round) by \(by): rows lost or added")
        // The bundle key compares bundles as sets; these are written alike.
        let keys = parts.map { Set($0.map { $0.split(separator: "\t")[column] }) }
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
          XCTAssertTrue(keys[a].isDisjoint(with: keys[b]), "round \(round) by \(by): parts \(a) and \(b) share a key")
        }
      }
    }
  }

  /// `augment codeswitch` with a seed is a pure function of its input: two
  /// runs agree byte for byte, the thread count does not matter, and the
  /// shards of a run together are the whole run (each record's output
  /// depends only on the record, its number and the seed).
  func testAugmentWithASeedIsAPureFunctionOfItsInput() throws {
    let samples = try XCTUnwrap(packageRootDirectory()) + "/resources/samples"
    let directory = try TemporaryDirectory()
    let words = ["paka", "mbwa", "kitabu", "soma", "kubwa", "nyumba", "Paka", "KITABU", "na", "ya", ",", "."]
    var random = SeededRandom(seed: 77)
    let lines = (0..<300).map { _ in
      (0..<(1 + random.uniform(below: 10))).map { _ in words[random.uniform(below: words.count)] }.joined(separator: " ")
    }
    let input = try directory.write(lines.joined(separator: "\n") + "\n", to: "in.txt")
    func run(_ extra: [String]) throws -> String {
      let result = try lexiform(
        [
          "augment", "codeswitch", "--quiet", input, "--lexicon", samples + "/swh-eng.tsv", "--src-lang", "sw",
          "--tgt-lang", "en", "--ratio", "0.7", "--cross", "0.5", "--choose", "sample", "--seed", "9",
        ] + extra)
      XCTAssertEqual(result.status, 0, result.stderr)
      return result.stdout
    }
    let once = try run(["--threads", "1"])
    XCTAssertEqual(once.split(separator: "\n", omittingEmptySubsequences: false).count, lines.count + 1)
    XCTAssertNotEqual(once, lines.joined(separator: "\n") + "\n", "nothing was switched")
    XCTAssertEqual(try run(["--threads", "1"]), once)
    XCTAssertEqual(try run(["--threads", "3"]), once)
    let even = try run(["--shard", "0/2"]).split(separator: "\n")
    let odd = try run(["--shard", "1/2"]).split(separator: "\n")
    var merged: [Substring] = []
    for i in 0..<max(even.count, odd.count) {
      if i < even.count { merged.append(even[i]) }
      if i < odd.count { merged.append(odd[i]) }
    }
    XCTAssertEqual(merged.joined(separator: "\n") + "\n", once)
    XCTAssertNotEqual(try run(["--seed", "10"]), once, "the seed changes nothing")
  }
}
