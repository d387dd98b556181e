import Foundation
import XCTest
import _LexiformTestSupport

/// Runs the built `lexiform` binary, as a user would.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

func lexiform(_ arguments: [String], stdin: String? = nil, file: StaticString = #filePath) throws -> CommandResult {
  try runProduct("lexiform", arguments, stdin: stdin)
}

/// Runs a built executable of this package (`lexiform`, `lexiform-fuzz`).
func runProduct(_ product: String, _ arguments: [String], stdin: String? = nil) throws -> CommandResult {
  let binary = productsDirectory().appendingPathComponent(product)
  guard FileManager.default.isExecutableFile(atPath: binary.path) else {
    throw XCTSkip("the \(product) binary is not built at \(binary.path)")
  }
  // Standard output and error go to files, so that neither can fill a pipe.
  let dir = try TemporaryDirectory()
  FileManager.default.createFile(atPath: dir.file("out"), contents: nil)
  FileManager.default.createFile(atPath: dir.file("err"), contents: nil)
  let out = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.file("out")))
  let err = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.file("err")))
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  process.waitUntilExit()
  try out.close()
  try err.close()
  return CommandResult(
    status: process.terminationStatus,
    stdout: try String(contentsOfFile: dir.file("out"), encoding: .utf8),
    stderr: try String(contentsOfFile: dir.file("err"), encoding: .utf8))
}

/// The folder holding the built products (`.build/debug`).
func productsDirectory() -> URL {
  for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
    return bundle.bundleURL.deletingLastPathComponent()
  }
  return Bundle.main.bundleURL
}

final class CLITests: XCTestCase {
  func testHelpListsEveryGroupAndTheSharedOptions() throws {
    let result = try lexiform(["--help"])
    XCTAssertEqual(result.status, 0)
    for group in ["lexicon", "unimorph", "parallel", "tokenize", "normalize", "scripts", "augment", "inflect", "tour"] {
      XCTAssertTrue(result.stdout.contains("\n  \(group) "), "missing \(group) in\n\(result.stdout)")
    }
    for option in ["--lenient", "--seed <seed>", "--quiet", "--version"] {
      XCTAssertTrue(result.stdout.contains(option), "missing \(option)")
    }
    XCTAssertEqual(result.stderr, "")
  }

  func testVersion() throws {
    let result = try lexiform(["--version"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.stdout, "0.1.0\n")
  }

  func testUsageErrorsExitWithTwo() throws {
    let unknown = try lexiform(["tour", "--no-such-option"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertEqual(unknown.stdout, "")
    XCTAssertTrue(unknown.stderr.contains("Unknown option '--no-such-option'"), unknown.stderr)
    let badSeed = try lexiform(["tour", "--seed", "minus-one"])
    XCTAssertEqual(badSeed.status, 2)
    let noCommand = try lexiform(["frobnicate"])
    XCTAssertEqual(noCommand.status, 2)
  }

  func testDataErrorExitsWithOneAndALocatedMessage() throws {
    let dir = try TemporaryDirectory()
    // A samples folder whose dictionary is cut short.
    let samples = packageRootDirectory().map { $0 + "/resources/samples" } ?? ""
    for name in ["swh-eng.tei", "quc-spa.lift", "broken.tei", "swh-eng.tsv", "multiscript.txt.gz"] {
      try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: dir.file(name))
    }
    _ = try dir.write("<dictionary>\n  <section>\n    <e><p><l>paka</l>\n", to: "swh-eng.dix")
    let result = try lexiform(["tour", "--samples", dir.path])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.hasPrefix(dir.file("swh-eng.dix") + ":4:1: error: "), result.stderr)
    XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
  }

  func testTourRunsOnTheShippedSamples() throws {
    let result = try lexiform(["tour", "--seed", "7"])
    XCTAssertEqual(result.status, 0, result.stderr)
    for expected in [
      "swh-eng.dix   Apertium bilingual dictionary", "broken.tei:", "multiscript.txt.gz: 8 lines",
      "ภาษา · ไทย · ง่าย", "Turkish İSTANBUL ILIK", "--seed 7:",
      "sauna\tN;IN+ESS;SG\tsaunassa", "accuracy 96.30%, mean Levenshtein 0.04 over 27 forms",
      "neural (bilstm-hard-monotonic-transducer, 102930 weights, 6,750 examples from the 90 rows, seed 7): ",
    ] {
      XCTAssertTrue(result.stdout.contains(expected), "missing \(expected) in\n\(result.stdout)")
    }
    // The same seed gives the same report, before or after the command name.
    XCTAssertEqual(try lexiform(["--seed", "7", "tour"]).stdout, result.stdout)
    XCTAssertNotEqual(try lexiform(["tour", "--seed", "8"]).stdout, result.stdout)
  }
}
