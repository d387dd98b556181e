import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

final class JSONLinesTests: XCTestCase {
  func testReadsFixtureWithHeader() throws {
    let reader = try JSONLinesReader(path: try fixturePath("jsonl/valid.jsonl"))
    XCTAssertEqual(reader.header.sourceLanguage, LanguageTag("sw"))
    XCTAssertEqual(reader.header.targetLanguages, [LanguageTag("en")])
    XCTAssertEqual(reader.header.title, "Mini Swahili–English")
    XCTAssertEqual(reader.header.licence, "CC0")
    let entries = try readAll(reader)
    XCTAssertEqual(entries.count, 2)
    XCTAssertEqual(entries[0].headword, Form("kitabu", language: LanguageTag("sw")))
    XCTAssertEqual(entries[0].partOfSpeech, "noun")
    XCTAssertEqual(entries[0].tags, ["class7"])
    XCTAssertEqual(entries[0].senses.first?.translations, [Translation(Form("book", language: LanguageTag("en")), score: 0.5)])
    XCTAssertEqual(entries[0].direction, .both)
    XCTAssertNil(entries[0].provenance)
    XCTAssertEqual(entries[1].id, "e2")
    XCTAssertEqual(entries[1].senses.first?.id, "1")
    XCTAssertEqual(entries[1].senses.first?.translations.first?.direction, .leftToRight)
    XCTAssertEqual(entries[1].senses.first?.definitions, [Form("to look at text", language: LanguageTag("en"))])
    XCTAssertEqual(entries[1].direction, .rightToLeft)
    XCTAssertTrue(entries[1].isDeleted)
    // No `licence` member: the header's licence applies.
    XCTAssertEqual(entries[1].provenance, Provenance(path: "x.tei", format: "tei", line: 7, licence: "CC0"))
  }

  /// Property: any entries and header written and read back are equal.
  func testRandomEntriesRoundTrip() throws {
    let directory = try TemporaryDirectory()
    for seed in UInt64(1)...20 {
      var generator = EntryGenerator(seed: seed)
      let header = seed % 3 == 0 ? LexiconHeader() : generator.header()
      let entries = (0..<50).map { _ in generator.entry() }
      let path = directory.file("r\(seed).jsonl")
      let writer = try writeAll(entries, header: header, to: path) { JSONLinesWriter(output: $0) }
      XCTAssertTrue(writer.dropped.isEmpty)
      let reader = try JSONLinesReader(path: path)
      XCTAssertEqual(reader.header, header, "seed \(seed)")
      let back = try readAll(reader)
      XCTAssertEqual(back.count, entries.count)
      for (a, b) in zip(entries, back) where a != b {
        XCTFail("seed \(seed): \(a) became \(b)")
        break
      }
    }
  }

  /// The lines have the shape `Codable` gives the model: Foundation reads
  /// them, and this reader reads what Foundation writes.
  func testShapeMatchesCodable() throws {
    let directory = try TemporaryDirectory()
    var generator = EntryGenerator(seed: 99)
    // JSONEncoder rejects non-finite numbers by default.
    func finite(_ sense: Sense) -> Sense {
      var sense = sense
      for j in sense.translations.indices where sense.translations[j].score?.isFinite == false {
        sense.translations[j].score = 1
      }
      sense.subsenses = sense.subsenses.map(finite)
      return sense
    }
    let entries = (0..<200).map { _ in generator.entry() }.map { entry -> LexiconEntry in
      var entry = entry
      entry.senses = entry.senses.map(finite)
      return entry
    }
    let path = directory.file("c.jsonl")
    _ = try writeAll(entries, to: path) { JSONLinesWriter(output: $0) }
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.count, entries.count)
    for (line, entry) in zip(lines, entries) {
      let decoded = try JSONDecoder().decode(LexiconEntry.self, from: Data(line.utf8))
      XCTAssertEqual(decoded, entry)
    }
    let encoder = JSONEncoder()
    var foundation = ""
    for (line, entry) in zip(lines, entries) {
      let encoded = String(decoding: try encoder.encode(entry), as: UTF8.self)
      foundation += encoded + "\n"
      // Same members, same values: a member added to the model shows up here.
      XCTAssertEqual(canonical(try JSONParser.parse(encoded)), canonical(try JSONParser.parse(String(line))))
    }
    let other = try directory.write(foundation, to: "f.jsonl")
    XCTAssertEqual(try readAll(JSONLinesReader(path: other)), entries)
  }

  /// Members sorted by name and numbers as doubles, so that two encoders'
  /// output compares by meaning.
  private func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let elements): return .array(elements.map(canonical))
    case .object(let object):
      return .object(
        JSONObject(object.members.sorted { $0.key < $1.key }.map { .init($0.key, canonical($0.value)) }))
    case .number(let n): return JSONNumber(n.doubleValue).map(JSONValue.number) ?? .null
    default: return value
    }
  }

  func testMalformedLineNamesFileLineAndColumn() throws {
    let path = try fixturePath("jsonl/malformed-line2.jsonl")
    let error = expectLexiconError { _ = try readAll(JSONLinesReader(path: path)) }
    XCTAssertEqual(error?.description, "\(path):2:26: error: expected a member name in double quotes, found end of input")
    let lenient = try JSONLinesReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).map(\.headword.text), ["a", "c"])
    XCTAssertEqual(lenient.skipped.count(for: "malformed JSON"), 1)
  }

  func testMissingHeadword() throws {
    let path = try fixturePath("jsonl/missing-headword-line3.jsonl")
    let error = expectLexiconError { _ = try readAll(JSONLinesReader(path: path)) }
    XCTAssertEqual(error?.code, .missing)
    XCTAssertEqual(error?.description, "\(path):3: error: expected a \"headword\" member, found none")
    let lenient = try JSONLinesReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).count, 2)
    XCTAssertEqual(lenient.skipped.total, 1)
  }

  func testWrongTypeNamesMemberPath() throws {
    let path = try fixturePath("jsonl/wrong-type.jsonl")
    let error = expectLexiconError { _ = try readAll(JSONLinesReader(path: path)) }
    XCTAssertEqual(
      error?.description, "\(path):1: error: expected a string at senses[0].translations[0].form.text, found a number")
    let direction = try fixturePath("jsonl/bad-direction.jsonl")
    let error2 = expectLexiconError { _ = try readAll(JSONLinesReader(path: direction)) }
    XCTAssertEqual(error2?.description, "\(direction):1: error: expected \"both\", \"LR\" or \"RL\" at direction, found \"up\"")
  }

  func testInvalidUTF8() throws {
    let path = try fixturePath("jsonl/invalid-utf8-line2.jsonl")
    let error = expectLexiconError { _ = try readAll(JSONLinesReader(path: path)) }
    XCTAssertEqual(error?.location?.path, path)
    XCTAssertEqual(error?.location?.line, 2)
    let lenient = try JSONLinesReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).map(\.headword.text), ["a", "\u{FFFD}", "c"])
  }

  func testEmptyAndMissingFiles() throws {
    let directory = try TemporaryDirectory()
    let empty = try directory.write("", to: "empty.jsonl")
    let reader = try JSONLinesReader(path: empty)
    XCTAssertNil(try reader.next())
    XCTAssertEqual(reader.header, LexiconHeader())
    let missing = directory.file("missing.jsonl")
    let error = expectLexiconError { _ = try JSONLinesReader(path: missing) }
    XCTAssertEqual(error?.code, .io)
    XCTAssertEqual(error?.location?.path, missing)
  }

  /// Every shared lexicon, read by whatever reader handles it, survives a
  /// JSON lines round trip unchanged.
  func testSharedLexiconsRoundTrip() throws {
    let root = try sharedDataURL("lexicons")
    let directory = try TemporaryDirectory()
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
    var checked = 0
    for file in files where !file.hasSuffix(".dict.dz") && !file.hasSuffix(".dict") {
      let path = root + "/" + file
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
      let reader: any LexiconReader
      do {
        reader = try Lexicon.open(path, options: LexiconReaderOptions(lenient: true))
      } catch {
        continue  // a format this build cannot read yet
      }
      guard let entries = try? readAll(reader) else { continue }  // e.g. a deliberately broken file
      let out = directory.file("rt\(checked).jsonl")
      _ = try writeAll(entries, header: reader.header, to: out) { JSONLinesWriter(output: $0) }
      let back = try JSONLinesReader(path: out)
      XCTAssertEqual(back.header, reader.header, file)
      XCTAssertEqual(try readAll(back), entries, file)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 0)
  }
}
