import Foundation
import XCTest
import _LexiformTestSupport

/// Replays the fuzzing seeds and every input the fuzzers found
/// (`tools/fuzz/seeds/TARGET`, `tools/fuzz/regressions/TARGET`) through
/// `lexiform-fuzz` built without sanitizers: each must be read to its end or
/// to an error, never to a crash. The fuzzing itself is `tools/fuzz.sh`
/// (RELIABILITY.md).
final class FuzzReplayTests: XCTestCase {
  func testEveryTargetIsListed() throws {
    let usage = try runProduct("lexiform-fuzz", [])
    XCTAssertEqual(usage.status, 2)
    let targets = try XCTUnwrap(usage.stderr.split(separator: "\n").first { $0.hasPrefix("targets: ") })
    let listed = targets.dropFirst("targets: ".count).split(separator: " ").map(String.init)
    let root = try XCTUnwrap(packageRootDirectory())
    // tools/fuzz.sh lists the same targets.
    let script = try String(contentsOfFile: "\(root)/tools/fuzz.sh", encoding: .utf8)
    XCTAssertTrue(script.contains("echo \"\(listed.joined(separator: " "))\""), "tools/fuzz.sh list is out of date")
    for directory in ["seeds", "regressions"] {
      let folder = "\(root)/tools/fuzz/\(directory)"
      for target in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        XCTAssertTrue(listed.contains(target), "tools/fuzz/\(directory)/\(target) is not a target")
      }
    }
  }

  func testSeedsAndFoundInputsReplayWithoutCrashing() throws {
    let root = try XCTUnwrap(packageRootDirectory())
    var inputs: [String: [String]] = [:]
    for directory in ["seeds", "regressions"] {
      let folder = "\(root)/tools/fuzz/\(directory)"
      for target in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(target)").sorted()
        inputs[target, default: []] += files.map { "\(folder)/\(target)/\($0)" }
      }
    }
    XCTAssertFalse(inputs.isEmpty)
    for (target, files) in inputs.sorted(by: { $0.key < $1.key }) {
      let result = try runProduct("lexiform-fuzz", [target] + files)
      XCTAssertEqual(result.status, 0, "\(target): \(result.stderr)")
      XCTAssertEqual(result.stdout, "\(target): \(files.count) inputs replayed\n")
    }
  }
}
