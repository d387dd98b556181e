import Foundation
import LexiformCore
import LexiformParallelText
import XCTest
import _LexiformTestSupport

final class BibleTests: XCTestCase {
  func bible(_ language: String, _ verses: [(String, String)]) -> String {
    var text = "<?xml version=\"1.0\"?>\n<cesDoc version=\"4\"><cesHeader><profileDesc><langUsage>"
    text += "<language id=\"x\" iso639=\"\(language)\">X</language></langUsage></profileDesc></cesHeader>\n"
    text += "<text><body id=\"Bible\" lang=\"x\"><div id=\"b.MAT\" type=\"book\"><div id=\"b.MAT.1\" type=\"chapter\">\n"
    for (id, content) in verses { text += "<seg id=\"\(id)\" type=\"verse\">\(content)</seg>\n" }
    text += "</div></div></body></text></cesDoc>\n"
    return text
  }

  func testNWayAlignmentReportsMissingEmptyAndMergedVerses() throws {
    let dir = try TemporaryDirectory()
    let a = try dir.write(
      bible("aaa", [("b.MAT.1.1", "a1"), ("b.MAT.1.2", "a2"), ("b.MAT.1.3", "a3"), ("b.MAT.1.4", "a4")]), to: "a.xml")
    let b = try dir.write(
      bible("bbb", [("b.MAT.1.1", "\n  b1\n"), ("b.MAT.1.2", "b2 and b3"), ("b.MAT.1.4", "b4")]), to: "b.xml")
    let c = try dir.write(
      bible("ccc", [("b.MAT.1.1", "c1"), ("b.MAT.1.2", "c2"), ("b.MAT.1.3", "c3"), ("b.MAT.1.4", " ")]), to: "c.xml")
    let aligner = BibleAligner(readers: [
      try BibleCESReader(path: a), try BibleCESReader(path: b), try BibleCESReader(path: c),
    ])
    var segments: [ParallelSegment] = []
    while let segment = try aligner.next() { segments.append(segment) }
    XCTAssertEqual(segments.map(\.id), ["b.MAT.1.1", "b.MAT.1.2"])
    XCTAssertEqual(segments[0].texts, ["a1", "\n  b1\n", "c1"])
    XCTAssertEqual(aligner.languages, ["aaa", "bbb", "ccc"])
    XCTAssertEqual(aligner.leftOut.count(for: "missing in \(b)"), 1)
    XCTAssertEqual(aligner.leftOut.count(for: "empty in \(c)"), 1)
    XCTAssertEqual(
      aligner.notices.count(for: "\(b): verse numbers left out (merged into the verse before, or missing)"), 1)
    XCTAssertEqual(aligner.notices.count(for: "\(c): empty verses"), 1)
  }

  func testMalformedAndDuplicateVerseIDsAreLocated() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write(bible("x", [("b.MAT.1.1", "a"), ("b.MAT.1", "b"), ("b.MAT.1.1", "c")]), to: "bad.xml")
    let message = errorText {
      let reader = try BibleCESReader(path: path)
      while try reader.next() != nil {}
    }
    XCTAssertEqual(message, "\(path):5:1: error: expected a verse id b.BOOK.CHAPTER.VERSE, found \"b.MAT.1\"")
    let lenient = try BibleCESReader(path: path, lenient: true)
    var ids: [String] = []
    while let verse = try lenient.next() { ids.append(verse.id) }
    XCTAssertEqual(ids, ["b.MAT.1.1"])
    XCTAssertEqual(lenient.skipped.count(for: "malformed verse ids"), 1)
    XCTAssertEqual(lenient.skipped.count(for: "duplicate verse ids"), 1)
  }

  func testVrefTextAlignsWithCESByCanonicalBook() throws {
    let dir = try TemporaryDirectory()
    let vref = try dir.write("JHN 1:1\nJHN 1:2\nJHN 1:3\nJHN 1:4\n", to: "vref.txt")
    let text = try dir.write("In the beginning\n\n<range>\nv4\n", to: "eng.txt")
    let ces = try dir.write(
      bible("x", [("b.JOH.1.1", "Hapo mwanzo"), ("b.JOH.1.2", "two"), ("b.JOH.1.4", "four")]), to: "swh.xml")
    let reader = try VrefReader(path: text, vrefPath: vref)
    let aligner = BibleAligner(readers: [reader, try BibleCESReader(path: ces)])
    var segments: [ParallelSegment] = []
    while let segment = try aligner.next() { segments.append(segment) }
    XCTAssertEqual(segments.map(\.texts), [["In the beginning", "Hapo mwanzo"], ["v4", "four"]])
    XCTAssertEqual(segments.map(\.id), ["b.JHN.1.1", "b.JHN.1.4"])
    XCTAssertEqual(reader.notices.count(for: "empty verses"), 1)
    XCTAssertEqual(reader.notices.count(for: "verses marked <range> (merged into the verse before)"), 1)
  }

  func testVrefErrors() throws {
    let dir = try TemporaryDirectory()
    let vref = try dir.write("GEN 1:1\nGEN one\n", to: "vref.txt")
    let text = try dir.write("a\nb\nc\n", to: "t.txt")
    let message = errorText {
      let reader = try VrefReader(path: text, vrefPath: vref)
      while try reader.next() != nil {}
    }
    XCTAssertEqual(message, "\(vref):2: error: expected a verse reference BOOK CHAPTER:VERSE, found \"GEN one\"")
    let short = try dir.write("GEN 1:1\nGEN 1:2\n", to: "vref2.txt")
    let mismatch = errorText {
      let reader = try VrefReader(path: text, vrefPath: short)
      while try reader.next() != nil {}
    }
    XCTAssertEqual(mismatch, "\(text):3: error: expected as many lines as \(short) (2), found more: \(short) ends after line 2")
  }

  func testVerseIDs() {
    XCTAssertEqual(VerseID(cesID: "b.1CO.12.17"), VerseID(book: "1CO", chapter: 12, verse: 17))
    XCTAssertNil(VerseID(cesID: "b.MAT.1"))
    XCTAssertNil(VerseID(cesID: "b.MAT.x.1"))
    XCTAssertNil(VerseID(cesID: "b.MAT.1.0"))
    XCTAssertEqual(VerseID(vref: "1JN 5:7")?.key, VerseID(cesID: "b.1JO.5.7")?.key)
  }

  /// The six shared Bibles, aligned six ways: the aligned ids are exactly
  /// those that every file has with text, counted independently of the
  /// readers with a regular expression over the raw files.
  func testSixSharedBiblesAlignByVerseID() throws {
    let folder = try sharedDataURL("bible")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
      .map { folder + "/" + $0 }
    XCTAssertEqual(files.count, 6)
    let pattern = try NSRegularExpression(
      pattern: "<seg\\s+id\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>([^<]*)</seg>", options: [])
    var common: Set<String>?
    var firstOrder: [String] = []
    for file in files {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      var ids = Set<String>()
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let idRange = Range(match.range(at: 1), in: text), let bodyRange = Range(match.range(at: 2), in: text)
        else { continue }
        let id = String(text[idRange])
        if file == files[0] { firstOrder.append(id) }
        if !text[bodyRange].allSatisfy(\.isWhitespace) { ids.insert(id) }
      }
      common = common.map { $0.intersection(ids) } ?? ids
    }
    let expected = firstOrder.filter { common?.contains($0) ?? false }
    let aligner = BibleAligner(readers: try files.map { try BibleCESReader(path: $0) })
    var ids: [String] = []
    while let segment = try aligner.next() {
      XCTAssertEqual(segment.texts.count, 6)
      ids.append(segment.id ?? "")
    }
    XCTAssertEqual(ids.count, expected.count)
    XCTAssertEqual(ids, expected)
    XCTAssertGreaterThan(ids.count, 7000)
  }
}
