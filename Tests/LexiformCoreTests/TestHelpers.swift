import Foundation
import XCTest
import _LexiformTestSupport

@testable import LexiformCore

/// A source that hands out at most `piece` bytes per read, like a pipe.
final class PipeLikeByteSource: ByteSource {
  let path: String
  private let bytes: [UInt8]
  private let piece: Int
  private var offset = 0
  private(set) var reads = 0

  init(_ bytes: [UInt8], piece: Int, path: String = "<stdin>") {
    self.bytes = bytes
    self.piece = max(1, piece)
    self.path = path
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws(CoreError) -> Int {
    reads += 1
    let n = min(piece, buffer.count, bytes.count - offset)
    guard n > 0, let target = buffer.baseAddress else { return 0 }
    bytes.withUnsafeBytes { source in
      if let from = source.baseAddress { target.copyMemory(from: from + offset, byteCount: n) }
    }
    offset += n
    return n
  }
}

/// Every line of `reader`.
func allLines(_ reader: LineReader) throws -> [String] {
  var lines: [String] = []
  while let line = try reader.nextLine() { lines.append(line) }
  return lines
}

/// Runs `body`, expecting a ``CoreError`` with `code`.
///
/// Its description must start with `prefix` (such as
/// `"a.tsv:3:5: error: "`) and contain each of `fragments`.
/// - Returns: The error, if one was thrown.
@discardableResult
func assertCoreError(
  _ code: CoreError.Code, prefix: String, contains fragments: [String] = [],
  file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) -> CoreError? {
  do {
    try body()
    XCTFail("expected a \(code) error, but nothing was thrown", file: file, line: line)
    return nil
  } catch let error as CoreError {
    XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
    let text = error.description
    XCTAssertTrue(text.hasPrefix(prefix), "\"\(text)\" does not start with \"\(prefix)\"", file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(text.contains(fragment), "\"\(text)\" does not contain \"\(fragment)\"", file: file, line: line)
    }
    return error
  } catch {
    XCTFail("expected a CoreError, got \(error)", file: file, line: line)
    return nil
  }
}

/// The path of an installed `gzip`, or a skip.
func gzipExecutable() throws -> String {
  for candidate in ["/usr/bin/gzip", "/bin/gzip"] where FileManager.default.isExecutableFile(atPath: candidate) {
    return candidate
  }
  throw XCTSkip("gzip is absent from /usr/bin and /bin")
}

/// Compresses `bytes` with the gzip program into `name` in `directory`.
/// - Returns: The compressed file's path.
@discardableResult
func writeGzip(_ bytes: [UInt8], to name: String, in directory: TemporaryDirectory) throws -> String {
  let plain = try directory.write(bytes: bytes, to: name + ".plain")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: try gzipExecutable())
  process.arguments = ["-n", "-f", plain]  // writes plain.gz, removes plain
  try process.run()
  process.waitUntilExit()
  XCTAssertEqual(process.terminationStatus, 0, "gzip failed")
  let target = directory.file(name)
  try FileManager.default.moveItem(atPath: plain + ".gz", toPath: target)
  return target
}

/// The contents of a file.
func readBytes(_ path: String) throws -> [UInt8] {
  [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}
