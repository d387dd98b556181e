import Foundation
import LexiformUniMorph
import _LexiformTestSupport

/// The SIGMORPHON 2017 task 1 and 2023 files of ../shared/data, in order.
func sharedUniMorphFiles() throws -> [String] {
  var files: [String] = []
  for folder in ["sigmorphon2017/task1", "sigmorphon2023"] {
    let directory = try sharedDataURL(folder)
    files += try FileManager.default.contentsOfDirectory(atPath: directory).sorted().map { directory + "/" + $0 }
  }
  return files
}

/// Calls `body` with every row of those files, read leniently (malformed
/// rows are skipped).
func forEachSharedEntry(_ body: (UniMorphEntry) throws -> Void) throws {
  for file in try sharedUniMorphFiles() {
    let reader = UniMorphTableReader(paths: [file], options: UniMorphReaderOptions(lenient: true))
    while let entry = try reader.next() { try body(entry) }
  }
}
