import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

final class TSVTests: XCTestCase {
  private let sw = LanguageTag("sw")
  private let en = LanguageTag("en")

  func testNamedColumnsGroupingAndComments() throws {
    let path = try fixturePath("tsv/named-columns.tsv")
    let reader = try TSVReader(path: path)
    let entries = try readAll(reader)
    XCTAssertEqual(reader.separator, .tab)
    XCTAssertTrue(reader.hasHeader)
    XCTAssertEqual(reader.columnNames, ["source", "target", "pos", "score", "source_lang", "target_lang", "note"])
    XCTAssertEqual(reader.recordCount, 5)
    XCTAssertEqual(entries.map(\.headword.text), ["kitabu", "soma", "kitabu"])
    let kitabu = entries[0]
    XCTAssertEqual(kitabu.headword, Form("kitabu", language: sw))
    XCTAssertEqual(kitabu.partOfSpeech, "noun")
    XCTAssertEqual(
      kitabu.senses.first?.translations,
      [Translation(Form("book", language: en), score: 0.9), Translation(Form("volume", language: en), score: 0.25)])
    XCTAssertEqual(kitabu.fields, [Field("note", Form("class 7/8"))])
    XCTAssertEqual(kitabu.provenance, Provenance(path: path, format: "tsv", line: 4))
    XCTAssertEqual(entries[1].senses.first?.translations.map(\.score), [nil, 0.01])
    XCTAssertEqual(entries[1].fields, [Field("note", Form("colloquial"))])
    XCTAssertEqual(entries[1].provenance?.line, 6)
    XCTAssertEqual(entries[2].provenance?.line, 9)
  }

  func testMUSESpaceSeparatedWithoutHeader() throws {
    let options = LexiconReaderOptions(sourceLanguage: en, targetLanguage: LanguageTag("de"))
    let reader = try TSVReader(path: try fixturePath("tsv/muse-space.txt"), options: options)
    let entries = try readAll(reader)
    XCTAssertEqual(reader.separator, .space)
    XCTAssertFalse(reader.hasHeader)
    XCTAssertEqual(entries.map(\.headword.text), ["the", "house", "cat", "the"])
    XCTAssertEqual(entries[0].senses.first?.translations.map(\.form.text), ["der", "die", "das"])
    XCTAssertEqual(entries[0].headword.language, en)
    XCTAssertEqual(entries[0].senses.first?.translations.first?.form.language, LanguageTag("de"))
    XCTAssertEqual(entries[3].senses.first?.translations.map(\.form.text), ["dem"])
    XCTAssertEqual(reader.header.sourceLanguage, en)
    let ungrouped = try TSVReader(
      path: try fixturePath("tsv/muse-space.txt"), tsvOptions: TSVReaderOptions(groupsConsecutiveLines: false))
    XCTAssertEqual(try readAll(ungrouped).count, 7)
  }

  func testLanguageCodeHeaders() throws {
    let reader = try TSVReader(path: try fixturePath("tsv/panlex-codes.tsv"))
    let entries = try readAll(reader)
    XCTAssertTrue(reader.hasHeader)
    XCTAssertEqual(reader.header.sourceLanguage, LanguageTag("eng-000"))
    XCTAssertEqual(reader.header.targetLanguages, [LanguageTag("spa-000"), LanguageTag("fra-000")])
    XCTAssertEqual(entries.count, 2)
    XCTAssertEqual(
      entries[0].senses.first?.translations.map(\.form),
      [Form("agua", language: LanguageTag("spa-000")), Form("eau", language: LanguageTag("fra-000"))])
    XCTAssertEqual(entries[0].partOfSpeech, "noun")
    XCTAssertEqual(entries[1].senses.first?.translations.map(\.form.text), ["fuego"])

    let iso = try TSVReader(path: try fixturePath("tsv/iso-codes.tsv"))
    let isoEntries = try readAll(iso)
    XCTAssertTrue(iso.hasHeader)
    XCTAssertEqual(isoEntries.first?.headword, Form("hello", language: en))
    XCTAssertEqual(isoEntries.first?.senses.first?.translations.first?.form, Form("hola", language: LanguageTag("es")))
  }

  func testHeaderAndSeparatorOverrides() throws {
    let path = try fixturePath("tsv/iso-codes.tsv")
    let absent = try TSVReader(path: path, tsvOptions: TSVReaderOptions(header: .absent))
    XCTAssertEqual(try readAll(absent).map(\.headword.text), ["en", "hello"])
    XCTAssertFalse(absent.hasHeader)
    let muse = try fixturePath("tsv/muse-space.txt")
    let present = try TSVReader(path: muse, tsvOptions: TSVReaderOptions(header: .present))
    XCTAssertEqual(try readAll(present).first?.headword.text, "the")  // "the der" taken as the header
    XCTAssertEqual(present.columnNames, ["the", "der"])
    XCTAssertEqual(present.recordCount, 6)
    let tabOnly = try TSVReader(path: muse, tsvOptions: TSVReaderOptions(separator: .tab))
    let error = expectLexiconError { _ = try readAll(tabOnly) }
    XCTAssertEqual(error?.description, "\(muse):1: error: expected 2 columns (headword<TAB>translation), found 1")
  }

  func testNoHeaderThirdColumnScoreAndExtraFields() throws {
    let entries = try readAll(TSVReader(path: try fixturePath("tsv/no-header-score.tsv")))
    XCTAssertEqual(entries.first?.senses.first?.translations.first?.score, 0.5)
    XCTAssertEqual(entries.first?.fields, [Field("column4", Form("extra"))])
  }

  func testByteOrderMarkCRLFAndGzip() throws {
    let directory = try TemporaryDirectory()
    let text = "\u{FEFF}source\ttarget\r\nkitabu\tbook\r\nkitabu\tvolume\r\n"
    let plain = try directory.write(text, to: "crlf.tsv")
    let expected = try readAll(TSVReader(path: plain))
    XCTAssertEqual(expected.map(\.headword.text), ["kitabu"])
    XCTAssertEqual(expected.first?.senses.first?.translations.map(\.form.text), ["book", "volume"])
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = ["-c", "gzip -c '\(plain)' > '\(plain).gz'"]
    try gzip.run()
    gzip.waitUntilExit()
    try XCTSkipIf(gzip.terminationStatus != 0, "gzip is not available")
    XCTAssertEqual(try readAll(TSVReader(path: plain + ".gz")).map { $0.senses }, expected.map { $0.senses })
  }

  func testOneColumnLine() throws {
    let path = try fixturePath("tsv/one-column-line2.tsv")
    let error = expectLexiconError { _ = try readAll(TSVReader(path: path)) }
    XCTAssertEqual(error?.description, "\(path):2: error: expected 2 columns (headword<TAB>translation), found 1")
    let lenient = try TSVReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).map(\.headword.text), ["kitabu", "kula"])
    XCTAssertEqual(lenient.skipped.count(for: "too few columns"), 1)
    XCTAssertEqual(lenient.skipped.reasons.first?.examples.first?.line, 2)
  }

  func testEmptyFields() throws {
    let path = try fixturePath("tsv/empty-fields.tsv")
    let error = expectLexiconError { _ = try readAll(TSVReader(path: path)) }
    XCTAssertEqual(error?.description, "\(path):2:1: error: expected a headword in column 1, found an empty field")
    let lenient = try TSVReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).map(\.headword.text), ["kitabu"])
    XCTAssertEqual(lenient.skipped.total, 2)
    XCTAssertEqual(lenient.skipped.reasons.first?.examples.map(\.line), [2, 3])
    XCTAssertEqual(lenient.skipped.reasons.first?.examples.map(\.column), [1, 6])
  }

  func testBadScore() throws {
    let path = try fixturePath("tsv/bad-score.tsv")
    let error = expectLexiconError { _ = try readAll(TSVReader(path: path)) }
    XCTAssertEqual(error?.description, "\(path):2:13: error: expected a number in column 3 (score), found \"many\"")
  }

  func testWriterDropsAndRoundTrips() throws {
    let directory = try TemporaryDirectory()
    var entry = LexiconEntry(
      id: "e1", headword: Form("kitabu", language: sw), partOfSpeech: "noun",
      pronunciations: [Form("kiˈtabu")],
      senses: [
        Sense(
          translations: [Translation(Form("book", language: en), score: 0.5)],
          definitions: [Form("a bound text")],
          subsenses: [Sense(translations: [Translation(Form("vol\tume", language: en))])])
      ])
    entry.provenance = Provenance(path: "in.tei", format: "tei", line: 12)
    let bare = LexiconEntry(headword: Form("tupu"), senses: [Sense(translations: [Translation(Form("", tags: ["vpart"]))])])
    let noHeadword = LexiconEntry(headword: Form(" "), senses: [Sense(translations: [Translation(Form("x"))])])
    let path = directory.file("out.tsv")
    let writer = try writeAll([entry, bare, noHeadword], to: path) { TSVWriter(output: $0) }
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      "source\ttarget\tpos\tscore\tsource_lang\ttarget_lang\nkitabu\tbook\tnoun\t0.5\tsw\ten\nkitabu\tvol ume\tnoun\t\tsw\ten\n")
    XCTAssertEqual(writer.dropped.count(for: "definitions (TSV has no column for them)"), 1)
    XCTAssertEqual(writer.dropped.count(for: "pronunciations (TSV has no column for them)"), 1)
    XCTAssertEqual(writer.dropped.count(for: "ids (TSV has no column for them)"), 1)
    XCTAssertEqual(writer.dropped.count(for: "tabs or line breaks in text (written as spaces)"), 1)
    XCTAssertEqual(writer.dropped.count(for: "entries without translations"), 1)
    XCTAssertEqual(writer.dropped.count(for: "translations with empty text (TSV needs text in both columns)"), 1)
    XCTAssertEqual(writer.dropped.count(for: "entries with an empty headword"), 1)
    XCTAssertEqual(writer.dropped.reasons.first { $0.reason.hasPrefix("definitions") }?.examples.first?.description, "in.tei:12")

    let back = try readAll(TSVReader(path: path))
    XCTAssertEqual(back.count, 1)
    XCTAssertEqual(back.first?.headword, entry.headword)
    XCTAssertEqual(back.first?.partOfSpeech, "noun")
    XCTAssertEqual(
      back.first?.senses.first?.translations,
      [Translation(Form("book", language: en), score: 0.5), Translation(Form("vol ume", language: en))])
  }

  /// Every shared lexicon written as TSV reads back, line for line.
  func testSharedLexiconsThroughTSV() throws {
    let root = try sharedDataURL("lexicons")
    let directory = try TemporaryDirectory()
    var checked = 0
    for file in try FileManager.default.subpathsOfDirectory(atPath: root).sorted() {
      guard let reader = try? Lexicon.open(root + "/" + file, options: LexiconReaderOptions(lenient: true)),
        let entries = try? readAll(reader)
      else { continue }
      let out = directory.file("s\(checked).tsv")
      _ = try writeAll(entries, header: reader.header, to: out) { TSVWriter(output: $0) }
      let pairs = entries.filter {
        !$0.headword.text.allSatisfy(\.isWhitespace) && $0.headword.text.first != "#"
      }.reduce(0) { sum, entry in
        sum + entry.allTranslations.filter { !$0.form.text.allSatisfy(\.isWhitespace) }.count
      }
      let back = try TSVReader(path: out, tsvOptions: TSVReaderOptions(groupsConsecutiveLines: false))
      let read = try readAll(back)
      XCTAssertTrue(back.hasHeader, file)
      XCTAssertEqual(read.count, pairs, file)
      XCTAssertEqual(back.recordCount, pairs, file)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 0)
  }

  /// What the TSV reader produces survives a JSON lines round trip.
  func testJSONLinesRoundTripOfFixtures() throws {
    let directory = try TemporaryDirectory()
    for name in ["named-columns.tsv", "muse-space.txt", "panlex-codes.tsv", "iso-codes.tsv", "no-header-score.tsv"] {
      let reader = try TSVReader(path: try fixturePath("tsv/" + name))
      let entries = try readAll(reader)
      let out = directory.file(name + ".jsonl")
      _ = try writeAll(entries, header: reader.header, to: out) { JSONLinesWriter(output: $0) }
      let back = try JSONLinesReader(path: out)
      XCTAssertEqual(try readAll(back), entries, name)
      XCTAssertEqual(back.header, reader.header, name)
    }
  }
}
