import Foundation
import LexiformCore
import LexiformLexicon
import XCTest
import _LexiformTestSupport

/// Every entry of `reader`.
func readAll(_ reader: any LexiconReader) throws -> [LexiconEntry] {
  var entries: [LexiconEntry] = []
  while let entry = try reader.next() { entries.append(entry) }
  return entries
}

/// Writes `entries` with the writer `make` builds, commits, and returns the path.
func writeAll(
  _ entries: [LexiconEntry], header: LexiconHeader = LexiconHeader(), to path: String,
  _ make: (AtomicOutput) -> any LexiconWriter
) throws -> any LexiconWriter {
  let output = try AtomicOutput(path: path)
  let writer = make(output)
  try writer.begin(header)
  for entry in entries { try writer.write(entry) }
  try writer.finish()
  try output.commit()
  return writer
}

/// Runs `body`, expecting a ``LexiconError``; returns it.
func expectLexiconError(
  _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
) -> LexiconError? {
  do {
    try body()
    XCTFail("expected a LexiconError, none thrown", file: file, line: line)
  } catch let error as LexiconError {
    return error
  } catch {
    XCTFail("expected a LexiconError, found \(error)", file: file, line: line)
  }
  return nil
}
