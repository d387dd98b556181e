import LexiformCore
import LexiformUniMorph
import XCTest
import _LexiformTestSupport

@testable import LexiformInflection

/// Fixtures written here, one per layout and feature of the format.
final class SIGMORPHONReaderTests: XCTestCase {
  private func read(
    _ text: String, columns: SIGMORPHONColumns? = nil, lenient: Bool = false, name: String = "t.tsv"
  ) throws -> (examples: [InflectionExample], layout: SIGMORPHONLayout, skipped: SkipCounter) {
    try withTemporaryDirectory { dir in
      let path = try dir.write(text, to: name)
      return try SIGMORPHONReader.read(path, options: SIGMORPHONReaderOptions(columns: columns, lenient: lenient))
    }
  }

  func test2017LayoutIsDetected() throws {
    let (examples, layout, _) = try read("walk\twalked\tV;PST\nwalk\twalks\tV;PRS;3;SG\ncat\tcats\tN;PL\n")
    XCTAssertEqual(layout.order, .lemmaFormTags)
    XCTAssertTrue(layout.detected)
    XCTAssertEqual(examples.map(\.form), ["walked", "walks", "cats"])
    XCTAssertEqual(examples.map(\.tags), ["V;PST", "V;PRS;3;SG", "N;PL"])
    XCTAssertEqual(examples.map(\.line), [1, 2, 3])
  }

  func test2023LayoutWithLayeredTagsAndMultiwordForms() throws {
    let text = """
      cancelar\tV;IMP;ACC(2,SG);NOM(INFM,2,SG)\tcancélate
      asimptot\tN;NOM(PL;PSS(1,PL))\tasimptotlarımız
      give up\tV;PST\tgave up

      yapmak\tV;IND;FUT;NOM(1,PL)\tyaptırıyor olacağız

      """
    let (examples, layout, _) = try read(text)
    XCTAssertEqual(layout.order, .lemmaTagsForm)
    XCTAssertEqual(examples.count, 4)
    XCTAssertEqual(examples[0].tags, "V;IMP;ACC(2,SG);NOM(INFM,2,SG)")
    XCTAssertEqual(examples[2].lemma, "give up")
    XCTAssertEqual(examples[2].form, "gave up")
    XCTAssertEqual(examples[3].line, 5, "blank lines are skipped but counted")
    XCTAssertEqual(examples[3].form, "yaptırıyor olacağız")
  }

  func test2017CoveredFileWithEmptyFormColumn() throws {
    let (examples, layout, _) = try read("dashuroj\t\tV;1;PL;COND;PRF\nkëmbë\t\tN;DAT;PL;NDEF\n")
    XCTAssertEqual(layout.order, .lemmaFormTags)
    XCTAssertEqual(examples.map(\.form), [nil, nil])
    XCTAssertEqual(examples[1].tags, "N;DAT;PL;NDEF")
  }

  func test2023CoveredFileWithoutFormColumnCannotTellItsOrder() throws {
    let (examples, layout, _) = try read("باب\tN;DEF;MASC;PL\nخَيمَة\tN;INDF;FEM;DU\n")
    XCTAssertNil(layout.order)
    XCTAssertTrue(layout.formColumnAbsent)
    XCTAssertEqual(examples.map(\.form), [nil, nil])
    XCTAssertEqual(examples[1].tags, "N;INDF;FEM;DU")
  }

  func testCoveredRowsWithEmptyLastColumnMean2022Order() throws {
    let (examples, layout, _) = try read("kala\tN;PL;ESS\t\nkala\tN;SG;NOM\tkala\n")
    XCTAssertEqual(layout.order, .lemmaTagsForm)
    XCTAssertEqual(examples.map(\.form), [nil, "kala"])
  }

  func testAmbiguousFileAsksForColumnsAndTheOptionDecides() throws {
    // Neither column reads as UniMorph features.
    let text = "aa\tbb\tcc\n"
    XCTAssertThrowsError(try read(text)) { error in
      XCTAssertEqual((error as? InflectionError)?.code, .layout)
      XCTAssertTrue("\(error)".contains("give --columns"), "\(error)")
      XCTAssertTrue("\(error)".hasSuffix("t.tsv: error: cannot tell the column order from the first 1 rows (neither the second nor the third column reads as UniMorph features); give --columns lemma-form-tags|lemma-tags-form|2017|2018|2019|2020|2021|2022|2023") , "\(error)")
    }
    let given = try read(text, columns: .sigmorphon2022)
    XCTAssertEqual(given.layout.order, .lemmaTagsForm)
    XCTAssertFalse(given.layout.detected)
    XCTAssertEqual(given.examples[0].form, "cc")
    XCTAssertEqual(given.examples[0].tags, "bb")
  }

  func testContradictoryCoveredRowsAreAnError() throws {
    XCTAssertThrowsError(try read("a\t\tV;PST\nb\tV;PST\t\n")) { error in
      XCTAssertEqual((error as? InflectionError)?.code, .layout)
    }
  }

  func testRowErrorsNameFileLineAndColumn() throws {
    try withTemporaryDirectory { dir in
      let path = try dir.write("walk\twalked\tV;PST\nwalk\twalks\tV;PRS\textra\n", to: "bad.tsv")
      XCTAssertThrowsError(try SIGMORPHONReader.read(path)) { error in
        XCTAssertEqual((error as? InflectionError)?.code, .columnCount)
        XCTAssertEqual(
          "\(error)",
          "\(path):2:1: error: expected 3 tab-separated columns (lemma, form, tags), or 2 in a covered file (lemma, tags), found 4"
        )
      }
      let empty = try dir.write("walk\twalked\tV;PST\n\twalks\tV;PRS\n", to: "empty.tsv")
      XCTAssertThrowsError(try SIGMORPHONReader.read(empty)) { error in
        XCTAssertEqual("\(error)", "\(empty):2:1: error: empty lemma field")
      }
      let noTags = try dir.write("walk\twalked\tV;PST\nwalk\twalks\t\n", to: "notags.tsv")
      XCTAssertThrowsError(try SIGMORPHONReader.read(noTags, options: SIGMORPHONReaderOptions(columns: .sigmorphon2017))) {
        error in
        XCTAssertEqual("\(error)", "\(noTags):2:12: error: empty tags field (expected a feature bundle such as V;PST)")
      }
      let one = try dir.write("walk\twalked\tV;PST\nwalk\n", to: "one.tsv")
      XCTAssertThrowsError(try SIGMORPHONReader.read(one)) { error in
        XCTAssertTrue("\(error)".hasPrefix("\(one):2:1: error: expected 3 tab-separated columns"), "\(error)")
      }
    }
  }

  func testLenientModeSkipsAndCounts() throws {
    let (examples, _, skipped) = try read("walk\twalked\tV;PST\nbroken\nwalk\twalks\tV;PRS\n\tx\tV\n", lenient: true)
    XCTAssertEqual(examples.map(\.form), ["walked", "walks"])
    XCTAssertEqual(skipped.total, 2)
    XCTAssertEqual(skipped.count(for: "column-count"), 1)
    XCTAssertEqual(skipped.count(for: "empty-field"), 1)
  }

  func testInputIsPutInNFC() throws {
    // "e" + U+0301 COMBINING ACUTE ACCENT in the lemma and the form.
    let (examples, _, _) = try read("cafe\u{301}\tcafe\u{301}s\tN;PL\n")
    XCTAssertEqual(Array(examples[0].lemma.unicodeScalars), Array("caf\u{E9}".unicodeScalars))
    XCTAssertEqual(examples[0].form.map { Array($0.unicodeScalars) }, Array("caf\u{E9}s".unicodeScalars))
  }

  func testCRLFLineEndsAndMissingFileError() throws {
    let (examples, _, _) = try read("walk\twalked\tV;PST\r\nwalk\twalks\tV;PRS;3;SG\r\n")
    XCTAssertEqual(examples.map(\.tags), ["V;PST", "V;PRS;3;SG"])
    XCTAssertThrowsError(try SIGMORPHONReader.read("/nonexistent/fin.trn")) { error in
      XCTAssertEqual((error as? InflectionError)?.code, .unreadable)
      XCTAssertTrue("\(error)".hasPrefix("/nonexistent/fin.trn"), "\(error)")
    }
  }

  func testLinesAreWrittenInEitherOrder() {
    let example = InflectionExample(lemma: "give up", tags: "V;PST", form: nil, line: 1)
    XCTAssertEqual(example.line(.lemmaFormTags, form: "gave up"), "give up\tgave up\tV;PST")
    XCTAssertEqual(example.line(.lemmaTagsForm, form: "gave up"), "give up\tV;PST\tgave up")
    XCTAssertEqual(example.line(.lemmaTagsForm), "give up\tV;PST\t")
  }

  func testSharedDataFilesOfBothYearsAreDetected() throws {
    let swa = try sharedDataURL("sigmorphon2023/swa.trn")
    let (examples, layout, _) = try SIGMORPHONReader.read(swa)
    XCTAssertEqual(layout.order, .lemmaTagsForm)
    XCTAssertEqual(examples.count, 10_000)
    let english = try sharedDataURL("sigmorphon2017/task1/english-dev")
    let dev = try SIGMORPHONReader.read(english)
    XCTAssertEqual(dev.layout.order, .lemmaFormTags)
    XCTAssertEqual(dev.examples.count, 1_000)
  }
}
