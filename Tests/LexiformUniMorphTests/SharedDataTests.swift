import Foundation
import LexiformCore
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

/// The SIGMORPHON 2017 and 2023 files of ../shared/data: read to the end,
/// every bundle round-trips, and validation of a corrupted copy finds the
/// original's problems plus the corrupted lines.
final class SharedDataTests: XCTestCase {
  func sharedFiles() throws -> [String] {
    try sharedUniMorphFiles()
  }

  func testEveryFileIsReadAndEveryBundleRoundTrips() throws {
    var rows = 0
    var bundles = 0
    for file in try sharedFiles() {
      let reader = UniMorphTableReader(paths: [file])
      var seen: Set<String> = []
      while let entry = try reader.next() {
        rows += 1
        guard seen.insert(entry.tags).inserted else { continue }
        bundles += 1
        let bundle = try FeatureBundle(parsing: entry.tags, at: entry.location)
        XCTAssertEqual(bundle.description, entry.tags, "\(entry.location)")
        XCTAssertEqual(try FeatureBundle(parsing: bundle.canonicalized().description), bundle, "\(entry.location)")
      }
      let expected: UniMorphColumnOrder = file.contains("sigmorphon2023") ? .lemmaTagsForm : .lemmaFormTags
      XCTAssertEqual(reader.detections.first?.order, expected, file)
    }
    XCTAssertGreaterThan(rows, 500_000)
    XCTAssertGreaterThan(bundles, 10_000)
  }

  func testValidationFindsTheKnownErrors() throws {
    let validator = UniMorphValidator()
    var codes: [UniMorphError.Code: Int] = [:]
    var unknown: Set<String> = []
    var unrelatedTurkish = 0
    for file in try sharedFiles() {
      _ = try validator.validate(path: file) { problem in
        codes[problem.code, default: 0] += 1
        if problem.code == .unknownFeature, let label = problem.message.split(separator: " ").dropFirst(2).first {
          unknown.insert(String(label))
        }
        if problem.code == .unrelatedForm, file.hasSuffix("tur.trn") { unrelatedTurkish += 1 }
      }
    }
    for label in ["V.PCTP", "LgSPEC8", "PASS:PRS", "PRES", "PLDEF"] {
      XCTAssertTrue(unknown.contains(label), label)
    }
    XCTAssertGreaterThan(unrelatedTurkish, 0)
    XCTAssertGreaterThan(codes[.conflictingFeatures] ?? 0, 0)
  }

  func testCorruptedCopyReportsTheOriginalProblemsPlusTheCorruptedLines() throws {
    let original = try sharedDataURL("sigmorphon2017/task1/kurmanji-dev")
    var lines = try String(contentsOfFile: original, encoding: .utf8).components(separatedBy: "\n")
    let directory = try TemporaryDirectory()
    // Corrupt three lines that had no problem, in three different ways.
    func report(_ path: String) throws -> [String] {
      var found: [String] = []
      _ = try UniMorphValidator(options: UniMorphValidatorOptions(checksUnrelatedForms: false))
        .validate(path: path) { found.append("\($0.location?.line ?? 0):\($0.location?.column ?? 0):\($0.code)") }
      return found
    }
    let before = try report(original)
    let flagged = Set(before.map { Int($0.split(separator: ":")[0]) ?? 0 })
    let clean = (1...lines.count).filter { !flagged.contains($0) && !lines[$0 - 1].isEmpty }
    let targets = [clean[10], clean[20], clean[30]]
    func fields(_ n: Int) -> [String] { lines[n - 1].components(separatedBy: "\t") }
    var f = fields(targets[0])
    lines[targets[0] - 1] = f[0] + "\t" + f[1]  // drop the features
    f = fields(targets[1])
    lines[targets[1] - 1] = f[0] + "\t" + f[1] + "\t" + f[2] + ";XYZ"  // unknown feature
    f = fields(targets[2])
    lines[targets[2] - 1] = f[0] + "\t" + f[1] + "\t" + f[2] + "("  // unbalanced
    let copy = try directory.write(lines.joined(separator: "\n"), to: "kurmanji-dev")
    let after = try report(copy)
    let added = Set(after).subtracting(before)
    XCTAssertEqual(Set(after).intersection(before), Set(before))
    XCTAssertEqual(added.map { Int($0.split(separator: ":")[0]) ?? 0 }.sorted(), targets)
    XCTAssertEqual(Set(added.map { String($0.split(separator: ":")[2]) }), ["column-count", "unknown-feature", "unbalanced-parentheses"])
  }
}
