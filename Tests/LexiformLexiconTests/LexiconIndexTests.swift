import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

final class LexiconIndexTests: XCTestCase {
  func testLookupByHeadwordVariantAndInflectedForm() throws {
    let index = try LexiconIndex(reader: try KaikkiReader(path: try fixturePath("kaikki/sample.jsonl")))
    XCTAssertEqual(index.entries.count, 3)
    XCTAssertEqual(index.lookup("kitabu").map(\.headword.text), ["kitabu"])
    XCTAssertEqual(index.lookup("  KITABU ").map(\.headword.text), ["kitabu"])
    XCTAssertEqual(index.lookup("ｋｉｔａｂｕ").map(\.headword.text), ["kitabu"])  // fullwidth: NFKC
    XCTAssertEqual(index.lookup("vitabu").map(\.headword.text), ["kitabu"])  // an inflected form
    XCTAssertEqual(index.lookup("Houses").map(\.headword.text), ["house"])
    XCTAssertEqual(index.lookup("nyumba"), [])
    let headwordsOnly = try LexiconIndex(
      reader: try KaikkiReader(path: try fixturePath("kaikki/sample.jsonl")), includesOtherForms: false)
    XCTAssertEqual(headwordsOnly.lookup("vitabu"), [])
  }

  func testGroupsEntriesWithTheSameKeyInFileOrder() throws {
    let reader = try TSVReader(path: try fixturePath("tsv/named-columns.tsv"))
    let index = try LexiconIndex(reader: reader)
    XCTAssertEqual(index.headwordCount, 2)
    XCTAssertEqual(index.lookup("Kitabu").map { $0.provenance?.line }, [4, 9])
  }

  func testKeepsDistinctLettersDistinct() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("kʼicheʼ\tK'iche'\nk'iche'\tapostrophe\ne\u{301}\tcombining\n", to: "a.tsv")
    let index = try LexiconIndex(reader: try TSVReader(path: path))
    XCTAssertEqual(index.lookup("kʼicheʼ").count, 1)
    XCTAssertEqual(index.lookup("k'iche'").first?.senses.first?.translations.first?.form.text, "apostrophe")
    XCTAssertEqual(index.lookup("é").count, 1)  // composed query finds the decomposed headword
  }

  func testPassesOnReaderErrorsAndSkips() throws {
    let path = try fixturePath("tsv/one-column-line2.tsv")
    let error = expectLexiconError { _ = try LexiconIndex(reader: try TSVReader(path: path)) }
    XCTAssertEqual(error?.location?.line, 2)
    let lenient = try LexiconIndex(reader: try TSVReader(path: path, options: LexiconReaderOptions(lenient: true)))
    XCTAssertEqual(lenient.skipped.total, 1)
    XCTAssertEqual(lenient.entries.count, 2)
  }
}
