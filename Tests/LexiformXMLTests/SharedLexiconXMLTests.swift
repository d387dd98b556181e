import Foundation
import LexiformXML
import XCTest
import _LexiformTestSupport

/// Every XML file under ../shared/data/lexicons reads to the end with exact
/// positions, and the reader finds as many start tags as an independent count
/// of the raw text (outside comments, CDATA and the prolog).
final class SharedLexiconXMLTests: XCTestCase {
  func testSharedLexiconFiles() throws {
    let root = try sharedDataURL("lexicons")
    let files = try FileManager.default.subpathsOfDirectory(atPath: root)
      .filter { $0.hasSuffix(".dix") || $0.hasSuffix(".tei") || $0.hasSuffix(".lift") }
      .sorted()
    XCTAssertGreaterThan(files.count, 5)
    for file in files {
      let path = root + "/" + file
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      if file.hasSuffix("InvalidXml.lift") {
        let reader = try XMLReader(path: path)
        XCTAssertThrowsError(try { while try reader.next() != nil {} }()) { error in
          XCTAssertTrue("\(error)".hasPrefix(path + ":"), "\(error)")
        }
        continue
      }
      var options = XMLReaderOptions()
      options.chunkSize = 8192
      try assertLocationsAreExact(XMLReader(path: path, options: options), bytes: bytes)
      var starts = 0
      let reader = try XMLReader(path: path)
      while let event = try reader.next() {
        if case .startElement = event.kind { starts += 1 }
      }
      XCTAssertEqual(starts, countStartTags(bytes), file)
    }
  }
}

/// Counts `<name` outside comments, CDATA sections, PIs and DOCTYPE.
func countStartTags(_ bytes: [UInt8]) -> Int {
  func starts(_ s: String, at i: Int) -> Bool {
    let p = Array(s.utf8)
    return i + p.count <= bytes.count && Array(bytes[i..<i + p.count]) == p
  }
  func skip(to end: String, from i: Int) -> Int {
    var j = i
    while j < bytes.count, !starts(end, at: j) { j += 1 }
    return j + end.utf8.count
  }
  var count = 0
  var i = 0
  while i < bytes.count {
    if bytes[i] == UInt8(ascii: "<") {
      if starts("<!--", at: i) { i = skip(to: "-->", from: i); continue }
      if starts("<![CDATA[", at: i) { i = skip(to: "]]>", from: i); continue }
      if starts("<?", at: i) { i = skip(to: "?>", from: i); continue }
      if starts("<!DOCTYPE", at: i) {
        // Skip an internal subset if there is one.
        var j = i
        var depth = 0
        while j < bytes.count {
          if bytes[j] == UInt8(ascii: "[") { depth += 1 }
          if bytes[j] == UInt8(ascii: "]") { depth -= 1 }
          if bytes[j] == UInt8(ascii: ">"), depth == 0 { break }
          j += 1
        }
        i = j + 1
        continue
      }
      if i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "/"), bytes[i + 1] != UInt8(ascii: "!") {
        count += 1
      }
    }
    i += 1
  }
  return count
}
