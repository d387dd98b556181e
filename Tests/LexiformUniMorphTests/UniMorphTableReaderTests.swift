import LexiformCore
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

final class UniMorphTableReaderTests: XCTestCase {
  func read(_ paths: [String], _ options: UniMorphReaderOptions = UniMorphReaderOptions()) throws -> (
    [UniMorphEntry], UniMorphTableReader
  ) {
    let reader = UniMorphTableReader(paths: paths, options: options)
    var entries: [UniMorphEntry] = []
    while let entry = try reader.next() { entries.append(entry) }
    return (entries, reader)
  }

  func testBothOrdersAreDetectedPerFileAndPartsAreFound() throws {
    let directory = try TemporaryDirectory()
    try directory.write("# a comment\n\nlemma one\tV;PST\tform one\n", to: "x.1")
    try directory.write("run\tran\tV;PST\r\nrun\truns\tV;PRS;3;SG\n", to: "x.2")
    let parts = UniMorphTableReader.parts(of: directory.file("x"))
    XCTAssertEqual(parts, [directory.file("x.1"), directory.file("x.2")])
    let (entries, reader) = try read(parts)
    XCTAssertEqual(entries.map(\.lemma), ["lemma one", "run", "run"])
    XCTAssertEqual(entries.map(\.form), ["form one", "ran", "runs"])
    XCTAssertEqual(entries.map(\.tags), ["V;PST", "V;PST", "V;PRS;3;SG"])
    XCTAssertEqual(entries.map(\.location.line), [3, 1, 2])
    XCTAssertEqual(reader.detections.map(\.order), [.lemmaTagsForm, .lemmaFormTags])
    XCTAssertEqual(reader.detections.map(\.detected), [true, true])
  }

  func testGivenOrderWinsAndUndecidableOrderIsAnError() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a\tb\tc\n", to: "t.tsv")
    XCTAssertThrowsError(try read([path])) { error in
      XCTAssertEqual((error as? UniMorphError)?.code, .columnOrder)
      XCTAssertTrue("\(error)".contains("t.tsv"), "\(error)")
    }
    let (entries, _) = try read([path], UniMorphReaderOptions(columns: .fixed(.lemmaTagsForm)))
    XCTAssertEqual(entries.first?.form, "c")
  }

  func testMalformedRowsFailOrAreCountedWhenLenient() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("a\tb\tV;PST\na\tb\nc\t\tV\nd\te\tV;PRS\n", to: "t.tsv")
    XCTAssertThrowsError(try read([path])) { error in
      XCTAssertEqual((error as? UniMorphError)?.code, .columnCount)
      XCTAssertTrue("\(error)".hasPrefix(path + ":2:1: error: expected 3 tab-separated fields"), "\(error)")
    }
    let (entries, reader) = try read([path], UniMorphReaderOptions(lenient: true))
    XCTAssertEqual(entries.map(\.lemma), ["a", "d"])
    XCTAssertEqual(reader.skipped.total, 2)
    XCTAssertEqual(reader.skipped.count(for: "empty-field"), 1)
  }
}
