import XCTest
import _LexiformTestSupport

@testable import LexiformCore

/// The shared helpers behave as the other test targets rely on.
final class TestSupportTests: XCTestCase {
  /// A hand-written fixture: byte order mark, CRLF, an empty line, no final
  /// newline, ʻokina and Syriac.
  func testFixtureIsFoundAndRead() throws {
    let path = try fixturePath("bom-crlf-no-final-newline.tsv")
    XCTAssertTrue(path.hasSuffix("/Tests/LexiformCoreTests/Fixtures/bom-crlf-no-final-newline.tsv"), path)
    XCTAssertEqual(
      try allLines(LineReader(path: path)),
      ["lemma\tform\tfeatures", "ʻokina\tʻokina\tN;SG", "", "ܫܠܡܐ\tܫܠܡܐ\tN;SG"])
  }

  func testMissingFixtureIsAnErrorNotASkip() {
    XCTAssertThrowsError(try fixturePath("no-such-fixture.txt")) { error in
      XCTAssertTrue(error is MissingFixtureError, "\(error)")
      XCTAssertTrue("\(error)".hasSuffix("/Tests/LexiformCoreTests/Fixtures/no-such-fixture.txt"), "\(error)")
    }
  }

  func testAbsentSharedDataIsASkipWithAReason() {
    XCTAssertThrowsError(try sharedDataURL("no-such-corpus/none.tsv")) { error in
      XCTAssertTrue(error is XCTSkip, "\(error)")
      XCTAssertTrue("\(error)".contains("absent"), "\(error)")
    }
  }

  func testTemporaryDirectoryIsRemoved() throws {
    var path = ""
    try withTemporaryDirectory { directory in
      path = directory.path
      try directory.write("x", to: "f.txt")
      XCTAssertEqual(try directory.contents(), ["f.txt"])
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: path))
  }
}
