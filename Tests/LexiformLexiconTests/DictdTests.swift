import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

final class DictdTests: XCTestCase {
  private let sw = LanguageTag("swa")
  private let en = LanguageTag("eng")

  func testBase64() throws {
    for value in [0, 1, 63, 64, 4095, 4096, 123_456_789] {
      let line = "k\t\(DictdIndexEntry.base64(value))\t\(DictdIndexEntry.base64(value + 1))"
      let parsed = try DictdIndexEntry(parsing: line, path: "x.index", line: 1)
      XCTAssertEqual(parsed.offset, value)
      XCTAssertEqual(parsed.length, value + 1)
    }
    XCTAssertEqual(DictdIndexEntry.base64(0), "A")
    XCTAssertEqual(DictdIndexEntry.base64(64), "BA")
    XCTAssertEqual(try DictdIndexEntry(parsing: "k\t+/\tB", path: "x", line: 1).offset, 62 * 64 + 63)
  }

  private func checkFixtureEntries(_ entries: [LexiconEntry], indexPath: String) {
    XCTAssertEqual(entries.count, 8)
    XCTAssertEqual(entries.map(\.headword.text), ["Afrika", "kitabu", "kula", "kula", "mti", "nyumba", "soma", "ziwa"])
    let afrika = entries[0]
    XCTAssertEqual(afrika.headword.language, LanguageTag("swa"))
    XCTAssertEqual(afrika.pronunciations, [Form("aˈfrika")])
    XCTAssertEqual(afrika.partOfSpeech, "prop")
    XCTAssertEqual(afrika.senses.map(\.translations), [[Translation(Form("Africa", language: en))]])
    XCTAssertTrue(afrika.fields.contains(Field("dictd:key", Form("afrika"))))
    let kitabu = entries[1]
    XCTAssertEqual(kitabu.partOfSpeech, "n")
    XCTAssertEqual(kitabu.tags, ["class7"])
    XCTAssertEqual(kitabu.senses.map(\.id), ["1", "2"])
    XCTAssertEqual(kitabu.senses.map { $0.translations.map(\.form.text) }, [["book", "volume"], ["booklet"]])
    XCTAssertEqual(kitabu.senses[1].fields, [Field("note", Form("plural vitabu"))])
    XCTAssertEqual(
      kitabu.fields.first { $0.name == "dictd:definition" }?.value.text,
      "kitabu /kiˈtabu/ <n, class7>\n1. book, volume\n2. booklet\n   Note: plural vitabu\n")
    XCTAssertEqual(kitabu.provenance, Provenance(path: indexPath, format: "dictd", line: 6, licence: "Written for Lexiform's tests; public domain."))
    XCTAssertEqual(entries[2].senses.map { $0.translations.map(\.form.text) }, [["eat", "consume"]])
    XCTAssertEqual(entries[3].senses.map { $0.translations.map(\.form.text) }, [["corrode"]])
    XCTAssertEqual(entries[4].pronunciations, [])
    XCTAssertEqual(entries[5].senses[1].fields, [Field("synonyms", Form("maskani"))])
    XCTAssertEqual(entries[5].senses.count, 3)
    // No head line: the key is the headword and the text is one sense.
    XCTAssertEqual(entries[6].senses.map { $0.translations.map(\.form.text) }, [["A plain definition without a head line", "spanning two lines."]])
  }

  func testKeyNormalization() {
    XCTAssertEqual(DictdDictionary.normalize("  A-b\tC!  d ", allChars: false, caseSensitive: false), "ab c d")
    XCTAssertEqual(DictdDictionary.normalize("  Ésta,\tÑu  ", allChars: false, caseSensitive: false), "ésta ñu")
    XCTAssertEqual(DictdDictionary.normalize("A-b", allChars: true, caseSensitive: true), "A-b")
    XCTAssertEqual(DictdDictionary.normalize("É-b", allChars: true, caseSensitive: true), "É-b")
    XCTAssertEqual(DictdDictionary.normalize("A-b", allChars: false, caseSensitive: true), "Ab")
    XCTAssertEqual(DictdDictionary.normalize("", allChars: false, caseSensitive: false), "")
  }

  func testLanguagesFromFreeDictNames() {
    XCTAssertEqual(_Dictd.languages(fromFileName: "/x/freedict-eng-spa.index").map { [$0.0, $0.1] }, [en, LanguageTag("spa")])
    XCTAssertEqual(_Dictd.languages(fromFileName: "swa-eng.dict.dz").map { [$0.0, $0.1] }, [sw, en])
    XCTAssertNil(_Dictd.languages(fromFileName: "swa-eng-dz.index"))
    XCTAssertNil(_Dictd.languages(fromFileName: "web-1913.index"))  // "web-1913" is not a language pair
    XCTAssertNil(_Dictd.languages(fromFileName: "wordnet.index"))
  }

  func testDefinitionParsing() {
    let text = "maji /ˈmadʒi/ <n, class6>\n1. water <n, uncountable>; liquid (in general, any)\n2. juice\n   Synonyms: sharubati\n"
    let parsed = DictdDefinition(text, key: "maji")
    XCTAssertEqual(parsed.headword, "maji")
    XCTAssertEqual(parsed.pronunciations, ["ˈmadʒi"])
    XCTAssertEqual(parsed.partOfSpeech, "n")
    XCTAssertEqual(parsed.tags, ["class6"])
    XCTAssertEqual(parsed.senses.count, 2)
    XCTAssertEqual(parsed.senses[0].translations.map(\.text), ["water", "liquid (in general, any)"])
    XCTAssertEqual(parsed.senses[0].translations.map(\.tags), [["n", "uncountable"], []])
    XCTAssertEqual(parsed.senses[1].notes.map(\.0), ["synonyms"])
    // A first line that is not the headword is a sense, not a head line.
    XCTAssertNil(DictdDefinition("water, liquid\n", key: "maji").headword)
    XCTAssertEqual(DictdDefinition("water, liquid\n", key: "maji").senses.first?.translations.map(\.text), ["water", "liquid"])
    XCTAssertEqual(DictdDefinition("", key: "x").senses.count, 0)
  }

  func testPlainDict() throws {
    let indexPath = try fixturePath("dictd/swa-eng.index")
    let reader = try DictdReader(path: indexPath)
    let entries = try readAll(reader)
    checkFixtureEntries(entries, indexPath: indexPath)
    XCTAssertEqual(reader.header.title, "Test Swahili-English dictionary ver. 0.1")
    XCTAssertEqual(reader.header.licence, "Written for Lexiform's tests; public domain.")
    XCTAssertEqual(reader.header.sourceLanguage, sw)
    XCTAssertEqual(reader.header.targetLanguages, [en])
    XCTAssertTrue(reader.header.fields.contains(Field("00-database-url", Form("https://example.org/lexiform"))))
  }

  func testDictzipAndPartnerFinding() throws {
    let indexPath = try fixturePath("dictd/swa-eng-dz.index")
    let dz = try fixturePath("dictd/swa-eng-dz.dict.dz")
    for path in [indexPath, dz] {
      let reader = try DictdReader(path: path, options: LexiconReaderOptions(sourceLanguage: sw, targetLanguage: en))
      XCTAssertEqual(reader.files, DictdFiles(index: indexPath, dict: dz))
      checkFixtureEntries(try readAll(reader), indexPath: indexPath)
    }
    XCTAssertEqual(try DictdFiles(either: try fixturePath("dictd/swa-eng.dict")).index, try fixturePath("dictd/swa-eng.index"))
  }

  func testDictzipRandomAccessInflatesOnlyNeededChunks() throws {
    let text = try DictdText(path: try fixturePath("dictd/swa-eng-dz.dict.dz"))
    let plain = try fixtureBytes("dictd/swa-eng.dict")
    XCTAssertTrue(text.isCompressed)
    XCTAssertEqual(text.chunkLength, 64)
    XCTAssertEqual(text.length, plain.count)
    XCTAssertEqual(try text.read(offset: 300, length: 10), Array(plain[300..<310]))
    XCTAssertEqual(text.chunksInflated, 1)
    XCTAssertEqual(try text.read(offset: 120, length: 20), Array(plain[120..<140]))  // spans chunks 1 and 2
    XCTAssertEqual(text.chunksInflated, 3)
    XCTAssertEqual(try text.read(offset: 0, length: plain.count), plain)
    XCTAssertEqual(try text.read(offset: plain.count, length: 0), [])
    let error = expectLexiconError { _ = try text.read(offset: plain.count - 1, length: 2) }
    XCTAssertEqual(error?.location?.path, try fixturePath("dictd/swa-eng-dz.dict.dz"))
  }

  func testBrokenChunkTable() throws {
    let path = try fixturePath("dictd/broken-table.dict.dz")
    let error = expectLexiconError { _ = try DictdReader(path: path) }
    XCTAssertEqual(error?.code, .malformed)
    XCTAssertEqual(error?.location?.path, path)
    XCTAssertTrue(error?.message.hasPrefix("broken dictzip chunk table at byte 12: expected chunks totalling") ?? false, "\(String(describing: error))")
    let noRA = try fixturePath("dictd/no-ra.dict.dz")
    let error2 = expectLexiconError { _ = try DictdDictionary(path: noRA) }
    XCTAssertEqual(
      error2?.description,
      "\(noRA): error: broken dictzip chunk table at byte 3: expected a gzip FEXTRA field holding the RA chunk table (is this plain gzip, not dictzip?), found none")
  }

  func testDamagedChunk() throws {
    let path = try fixturePath("dictd/damaged-chunk.index")
    let error = expectLexiconError { _ = try readAll(DictdReader(path: path)) }
    XCTAssertEqual(error?.location?.path, path)
    XCTAssertNotNil(error?.location?.line)
    XCTAssertTrue(error?.message.contains("damaged dictzip chunk 2") ?? false, "\(String(describing: error))")
    let lenient = try DictdReader(path: path, options: LexiconReaderOptions(lenient: true))
    let entries = try readAll(lenient)
    XCTAssertEqual(entries.count + lenient.skipped.count(for: "unreadable definition"), 8)
    XCTAssertGreaterThan(lenient.skipped.count(for: "unreadable definition"), 0)
  }

  func testIndexErrors() throws {
    let bad = try fixturePath("dictd/bad-base64.index")
    let error = expectLexiconError { _ = try readAll(DictdReader(path: bad)) }
    XCTAssertEqual(error?.description, "\(bad):6:8: error: expected a base64 digit (A–Z a–z 0–9 + /) in the offset, found '!'")
    let lenient = try DictdReader(path: bad, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).count, 7)
    XCTAssertEqual(lenient.skipped.count(for: "malformed index line"), 1)

    let two = try fixturePath("dictd/two-columns.index")
    let error2 = expectLexiconError { _ = try DictdDictionary(path: two) }
    XCTAssertEqual(
      error2?.description,
      "\(two):7: error: expected 3 tab-separated columns (headword, base64 offset, base64 length), found 2")

    let past = try fixturePath("dictd/past-end.index")
    let error3 = expectLexiconError { _ = try readAll(DictdReader(path: past)) }
    XCTAssertEqual(error3?.location?.path, past)
    XCTAssertEqual(error3?.location?.line, 9)
    XCTAssertTrue(error3?.message.contains("expected a range inside the text's 542 bytes") ?? false, "\(String(describing: error3))")
  }

  func testMissingPartner() throws {
    let directory = try TemporaryDirectory()
    let lonely = try directory.write("a\tA\tB\n", to: "lonely.index")
    let error = expectLexiconError { _ = try DictdReader(path: lonely) }
    XCTAssertEqual(error?.code, .missing)
    XCTAssertEqual(error?.location?.path, lonely)
  }

  func testLookupSortedAndUnsorted() throws {
    let sorted = try DictdDictionary(path: try fixturePath("dictd/swa-eng-dz.dict.dz"))
    XCTAssertTrue(sorted.isSorted)
    XCTAssertEqual(try sorted.lookup("KULA").map { $0.senses.first?.translations.first?.form.text }, ["eat", "corrode"])
    XCTAssertEqual(try sorted.lookup("Afrika!").map(\.headword.text), ["Afrika"])
    XCTAssertEqual(try sorted.lookup("zzz"), [])
    XCTAssertEqual(try sorted.lookup(""), [])
    XCTAssertEqual(sorted.header.title, "Test Swahili-English dictionary ver. 0.1")

    let unsorted = try DictdDictionary(path: try fixturePath("dictd/unsorted.index"))
    XCTAssertFalse(unsorted.isSorted)
    XCTAssertEqual(try unsorted.lookup("kula").count, 2)
    XCTAssertEqual(try unsorted.lookup("ziwa").map(\.headword.text), ["Ziwa"])  // fourth column: the original headword
    XCTAssertEqual(try unsorted.lookup("nyumba").first?.senses.count, 3)
  }

  func testJSONLinesRoundTrip() throws {
    let directory = try TemporaryDirectory()
    let reader = try DictdReader(path: try fixturePath("dictd/swa-eng-dz.index"))
    let entries = try readAll(reader)
    let out = directory.file("d.jsonl")
    _ = try writeAll(entries, header: reader.header, to: out) { JSONLinesWriter(output: $0) }
    let back = try JSONLinesReader(path: out)
    XCTAssertEqual(try readAll(back), entries)
    XCTAssertEqual(back.header, reader.header)
  }

  /// Every shared dictd database: as many entries as non-metadata index
  /// lines (counted here independently), and random lookups agree with
  /// sequential reading.
  func testSharedDictdFiles() throws {
    let root = try sharedDataURL("lexicons/dictd")
    let indexes = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".index") }.sorted()
    XCTAssertFalse(indexes.isEmpty)
    for name in indexes {
      let path = root + "/" + name
      let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      let expected = lines.filter { !$0.hasPrefix("00database") && !$0.hasPrefix("00-database") }.count
      let reader = try DictdReader(path: path)
      let entries = try readAll(reader)
      XCTAssertEqual(entries.count, expected, name)
      XCTAssertTrue(reader.skipped.isEmpty, name)
      XCTAssertNotNil(reader.header.title, name)

      let dictionary = try DictdDictionary(path: path)
      XCTAssertEqual(dictionary.index.count, expected)
      var byKey: [String: [LexiconEntry]] = [:]
      var byCollation: [String: Int] = [:]
      for (entry, line) in zip(entries, dictionary.index) {
        byKey[line.key, default: []].append(entry)
        byCollation[DictdDictionary.normalize(line.key, allChars: false, caseSensitive: false), default: 0] += 1
      }
      print("\(name): \(entries.count) entries, index sorted: \(dictionary.isSorted)")
      var random = SeededRandom(seed: 2628)
      for _ in 0..<300 {
        let line = dictionary.index[Int(random.next() % UInt64(dictionary.index.count))]
        let expectedEntries = byKey[line.key] ?? []
        let found = try dictionary.lookup(line.key)
        // Keys that differ only in what dictd ignores match together.
        let sameCollation = byCollation[DictdDictionary.normalize(line.key, allChars: false, caseSensitive: false)]
        XCTAssertEqual(found.count, sameCollation, line.key)
        for entry in expectedEntries { XCTAssertTrue(found.contains(entry), line.key) }
      }
    }
  }
}
