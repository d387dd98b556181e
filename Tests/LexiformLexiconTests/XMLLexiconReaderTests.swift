import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

/// Every entry of a lexicon file.
func readEntries(_ reader: any LexiconReader) throws -> [LexiconEntry] {
  var entries: [LexiconEntry] = []
  while let entry = try reader.next() { entries.append(entry) }
  return entries
}

/// The error reading `text` (written to a file named `name`) throws.
func lexiconError(_ text: String, name: String, in dir: TemporaryDirectory) throws -> LexiconError? {
  let path = try dir.write(text, to: name)
  do {
    _ = try readEntries(try Lexicon.open(path))
    return nil
  } catch let error as LexiconError {
    return error
  }
}

final class ApertiumDixReaderTests: XCTestCase {
  func testEveryConstruct() throws {
    let path = try fixturePath("features.dix")
    let reader = try Lexicon.open(path)
    XCTAssertEqual(reader.format, .apertium)
    let entries = try readEntries(reader)
    XCTAssertEqual(entries.count, 8, "every <e> of both sections, none of the pardefs")
    XCTAssertEqual(reader.header.fields.first { $0.name == "sdef:n" }?.value.text, "Noun")

    let paka = entries[0]
    XCTAssertEqual(paka.headword.text, "paka")
    XCTAssertEqual(paka.partOfSpeech, "n")
    XCTAssertEqual(paka.allTranslations.map(\.form.text), ["cat"])
    XCTAssertEqual(paka.allTranslations.first?.form.tags, ["n"])
    XCTAssertEqual(paka.fields.first { $0.name == "a" }?.value.text, "Lexiform tests", "entity expanded")
    XCTAssertEqual(paka.fields.first { $0.name == "comment" }?.value.text, "plain pair")
    XCTAssertEqual(paka.provenance?.line, 24)

    XCTAssertEqual(entries[1].direction, Direction.leftToRight)
    XCTAssertEqual(entries[1].allTranslations.first?.score, 0.5)
    XCTAssertEqual(entries[2].direction, Direction.rightToLeft)

    let identity = entries[3]
    XCTAssertEqual(identity.headword.text, "Nairobi")
    XCTAssertEqual(identity.allTranslations.map(\.form.text), ["Nairobi"])

    // <par> expanded through two levels: sg both ways, pl left to right only.
    let bedroom = entries[4]
    XCTAssertEqual(bedroom.headword.text, "nyumba ya kulala")
    XCTAssertEqual(bedroom.partOfSpeech, "n")
    XCTAssertEqual(bedroom.tags, ["sg"])
    let translations = bedroom.allTranslations
    XCTAssertEqual(translations.map(\.form.tags), [["n", "m", "sg"], ["n", "m", "pl"]])
    XCTAssertEqual(translations.map(\.direction), [Direction.both, .leftToRight])
    XCTAssertEqual(bedroom.senses.count, 2, "two left sides (sg, pl)")
    XCTAssertEqual(bedroom.senses[1].fields.first { $0.name == "source-tags" }?.value.text, "n sg".replacingOccurrences(of: "sg", with: "pl"))

    let phone = entries[5]
    XCTAssertEqual(phone.headword.text, "piga simu")
    XCTAssertEqual(phone.fields.first { $0.name == "apertium:group" }?.value.text, " simu")
    for name in ["lm", "v", "alt", "slr"] {
      XCTAssertNotNil(phone.fields.first { $0.name == name }, name)
    }
    XCTAssertEqual(entries[6].headword.text, "ku+la")
    XCTAssertEqual(entries[7].headword.text, "mbwa")
  }

  func testLanguagesComeFromTheConventionalName() throws {
    XCTAssertEqual(
      ApertiumDixReader.languagePair(fromPath: "/x/apertium-kaz-tat.kaz-tat.dix").map { [$0.0, $0.1] },
      [LanguageTag("kaz"), LanguageTag("tat")])
    XCTAssertNil(ApertiumDixReader.languagePair(fromPath: "dictionary.dix"))
  }

  func testErrorsNameFileLineAndWhatWasExpected() throws {
    let dir = try TemporaryDirectory()
    let missingR = try XCTUnwrap(
      lexiconError(
        "<dictionary><section id=\"m\" type=\"standard\">\n<e><p><l>a</l></p></e></section></dictionary>",
        name: "r.dix", in: dir))
    XCTAssertEqual(missingR.description, "\(dir.file("r.dix")):2:4: error: expected <r> after <l> inside <p>, found </p>")
    let unresolved = try XCTUnwrap(
      lexiconError(
        "<dictionary><section id=\"m\" type=\"standard\">\n<e><p><l>a</l><r>b</r></p><par n=\"nope\"/></e></section></dictionary>",
        name: "par.dix", in: dir))
    XCTAssertEqual(unresolved.code, .unresolved)
    XCTAssertEqual(
      unresolved.description, "\(dir.file("par.dix")):2:27: error: expected a <pardef n=\"nope\"> before this <par>, found none")
    let badR = try XCTUnwrap(
      lexiconError(
        "<dictionary><section id=\"m\" type=\"standard\">\n\n<e r=\"both\"><i>a</i></e></section></dictionary>",
        name: "dir.dix", in: dir))
    XCTAssertEqual(badR.description, "\(dir.file("dir.dix")):3:1: error: expected r=\"LR\" or r=\"RL\" on <e>, found r=\"both\"")
    let truncated = try XCTUnwrap(
      lexiconError("<dictionary><section id=\"m\" type=\"standard\">\n<e><i>a</i></e>\n", name: "cut.dix", in: dir))
    XCTAssertTrue(truncated.description.hasPrefix("\(dir.file("cut.dix")):3:1: error: the file ends inside <section>"), truncated.description)
  }

  func testLenientModeSkipsAndCountsBadEntries() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write(
      "<dictionary><section id=\"m\" type=\"standard\">\n<e><p><l>a</l></p></e>\n<e><i>b</i></e>\n<e/>\n</section></dictionary>",
      to: "mixed.dix")
    let reader = try Lexicon.open(path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readEntries(reader).map(\.headword.text), ["b"])
    XCTAssertEqual(reader.skipped.total, 2)
    XCTAssertEqual(reader.skipped.count(for: "expected <r> after <l> inside <p>, found </p>"), 1)
  }
}

final class FreeDictTEIReaderTests: XCTestCase {
  func testEveryConstruct() throws {
    let reader = try Lexicon.open(try fixturePath("features.tei"))
    XCTAssertEqual(reader.format, .tei)
    let entries = try readEntries(reader)
    XCTAssertEqual(entries.count, 4, "entries inside <superEntry> count too")
    XCTAssertEqual(reader.header.title, "Test Swahili-English")
    XCTAssertEqual(reader.header.licence, "GPL-3.0 https://example.org/licence")

    let paka = entries[0]
    XCTAssertEqual(paka.id, "paka")
    XCTAssertEqual(paka.headword, Form("paka", language: LanguageTag("sw")))
    XCTAssertEqual(paka.pronunciations.map(\.text), ["ˈpaka"])
    XCTAssertEqual(paka.variants.map(\.text), ["pâka"])
    XCTAssertEqual(paka.partOfSpeech, "n")
    XCTAssertEqual(paka.tags, ["gen:9/10", "num:sg"])
    XCTAssertEqual(paka.senses.map(\.id), ["1", "2"])
    XCTAssertEqual(paka.senses[0].translations.first?.form, Form("cat", language: LanguageTag("en"), tags: ["n"]))
    let sub = try XCTUnwrap(paka.senses[0].subsenses.first)
    XCTAssertEqual(sub.id, "1a")
    XCTAssertEqual(sub.definitions, [Form("a small domestic feline", language: LanguageTag("en"))])
    XCTAssertEqual(sub.fields.first?.name, "usg:dom")
    XCTAssertEqual(sub.examples.first?.form.text, "paka mweusi")
    XCTAssertEqual(sub.examples.first?.translations.map(\.text), ["a black cat"])
    XCTAssertEqual(paka.senses[1].translations.map(\.form.text), ["kitten", "puss"])
    XCTAssertEqual(paka.senses[1].relations, [Relation(type: "xr:syn", target: "nyau")])
    XCTAssertEqual(paka.senses[1].fields.first { $0.name == "note:editor" }?.value.text, "check")
    XCTAssertEqual(paka.senseCount, 3)

    XCTAssertEqual(entries[1].senses.first?.definitions.first?.text, "read")
    XCTAssertEqual(entries[2].allTranslations.first?.form.text, "lesson")
    XCTAssertEqual(entries[3].headword.text, "&c")
    XCTAssertEqual(entries[3].fields.first { $0.name == "etym" }?.value.text, "Latin", "unknown elements kept")
    XCTAssertEqual(entries[3].allTranslations.map(\.form.text), ["etc."], "a <cit> directly in <entry>")
  }

  func testEntryWithoutHeadwordIsAnError() throws {
    let dir = try TemporaryDirectory()
    let error = try XCTUnwrap(
      lexiconError("<TEI><text><body>\n  <entry><sense><def>x</def></sense></entry></body></text></TEI>", name: "e.tei", in: dir))
    XCTAssertEqual(
      error.description, "\(dir.file("e.tei")):2:3: error: expected <form><orth> with the headword inside <entry>, found none")
  }
}

final class LIFTReaderTests: XCTestCase {
  func testEveryConstruct() throws {
    let reader = try Lexicon.open(try fixturePath("features.lift"))
    XCTAssertEqual(reader.format, .lift)
    let entries = try readEntries(reader)
    XCTAssertEqual(entries.count, 3)
    XCTAssertEqual(reader.header.title, "Test lexicon")
    XCTAssertEqual(reader.header.fields.first { $0.name == "range:status" }?.value.text, "draft final")

    let dog = entries[0]
    XCTAssertEqual(dog.id, "tzʼiʼ_1")
    XCTAssertEqual(dog.headword, Form("tzʼiʼ", language: LanguageTag("quc")))
    XCTAssertEqual(dog.variants.map(\.text), ["tsʼiʔ", "tziʼ"])
    XCTAssertEqual(dog.variants.last?.tags, ["ref:dialect", "dialect:west"])
    XCTAssertEqual(dog.pronunciations.map(\.text), ["tsʼiʔ"])
    XCTAssertEqual(dog.relations, [Relation(type: "_component-lexeme", target: "other_2")])
    for name in ["guid", "dateCreated", "citation", "note:bibliography", "morph-type", "literal-meaning", "etymology:proto", "pronunciation:media"] {
      XCTAssertNotNil(dog.fields.first { $0.name == name }, name)
    }
    XCTAssertEqual(dog.partOfSpeech, "Noun")
    let sense = try XCTUnwrap(dog.senses.first)
    XCTAssertEqual(sense.id, "s1")
    XCTAssertEqual(sense.translations.map(\.form), [Form("perro", language: LanguageTag("es")), Form("dog", language: LanguageTag("en"))])
    XCTAssertEqual(sense.definitions.first?.text, "a domestic canis")
    XCTAssertEqual(sense.examples.first?.translations, [Form("El perro", language: LanguageTag("es"))])
    XCTAssertEqual(sense.relations.first?.type, "synonym")
    XCTAssertEqual(sense.subsenses.first?.translations.first?.form.text, "can")
    for name in ["grammatical-info:class", "note", "semantic-domain-ddp4", "illustration", "reversal:en"] {
      XCTAssertNotNil(sense.fields.first { $0.name == name }, name)
    }
    XCTAssertTrue(entries[2].isDeleted)
    var stats = LexiconStatistics()
    entries.forEach { stats.add($0) }
    XCTAssertEqual(stats.entries, 3)
    XCTAssertEqual(stats.deleted, 1)
    XCTAssertEqual(stats.translations, 4)
    XCTAssertEqual(stats.apostrophes["U+02BC"], 2)
  }
}

final class LexiconWriterRoundTripTests: XCTestCase {
  /// Reading a LIFT or TEI file that Lexiform wrote gives back the headwords,
  /// parts of speech and translations.
  func testLIFTAndTEIWritersRoundTrip() throws {
    let dir = try TemporaryDirectory()
    for fixture in ["features.lift", "features.tei", "features.dix"] {
      let original = try readEntries(try Lexicon.open(try fixturePath(fixture)))
      for format in [LexiconFormat.lift, .tei] {
        let out = dir.file("\(fixture).\(format.rawValue)")
        let output = try AtomicOutput(path: out)
        try LexiconWriters.write(original, header: LexiconHeader(sourceLanguage: LanguageTag("sw")), as: format, to: output)
        try output.commit()
        let back = try readEntries(try Lexicon.open(out, format: format))
        XCTAssertEqual(back.count, original.count, "\(fixture) → \(format)")
        XCTAssertEqual(back.map(\.headword.text), original.map(\.headword.text), "\(fixture) → \(format)")
        XCTAssertEqual(
          back.map { $0.allTranslations.map(\.form.text) }, original.map { $0.allTranslations.map(\.form.text) },
          "\(fixture) → \(format)")
        XCTAssertEqual(back.map(\.isDeleted), original.map(\.isDeleted), "\(fixture) → \(format)")
      }
    }
  }

  func testXMLEscaping() {
    XCTAssertEqual(XMLTextWriter.escape("a<b & \"c\"\u{1}\td", attribute: true), "a&lt;b &amp; &quot;c&quot;&#9;d")
    XCTAssertEqual(TEIWriter.xmlID("1 tzʼiʼ"), "__tzʼiʼ")
  }
}

/// Every XML lexicon in ../shared/data/lexicons: the entry count equals an
/// independent count of the elements the format defines as entries.
final class SharedXMLLexiconTests: XCTestCase {
  func testEntryCountsMatchAnIndependentCount() throws {
    let root = try sharedDataURL("lexicons")
    let files = try FileManager.default.subpathsOfDirectory(atPath: root)
      .filter { $0.hasSuffix(".dix") || $0.hasSuffix(".tei") || $0.hasSuffix(".lift") }.sorted()
    XCTAssertGreaterThanOrEqual(files.count, 10)
    for file in files {
      let path = root + "/" + file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let withoutComments = text.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
      if file.hasSuffix("InvalidXml.lift") {
        XCTAssertThrowsError(try readEntries(try Lexicon.open(path))) { error in
          XCTAssertTrue("\(error)".hasPrefix(path + ":5:2: error: "), "\(error)")
        }
        continue
      }
      let expected: Int
      if file.hasSuffix(".dix") {
        // <e> inside <section>s only.
        var count = 0
        for part in withoutComments.components(separatedBy: "<section").dropFirst() {
          let body = part.components(separatedBy: "</section>").first ?? ""
          count += occurrences(of: "<e[\\s>/]", in: body)
        }
        expected = count
      } else {
        expected = occurrences(of: "<entry[\\s>/]", in: withoutComments)
      }
      let reader = try Lexicon.open(path)
      var stats = LexiconStatistics()
      while let entry = try reader.next() { stats.add(entry) }
      XCTAssertEqual(stats.entries, expected, file)
      XCTAssertEqual(reader.skipped.total, 0, file)
      if file.hasSuffix(".lift") {
        let deleted = occurrences(of: "<entry[^>]*\\sdateDeleted=", in: withoutComments)
        XCTAssertEqual(stats.deleted, deleted, file)
      }
    }
  }
}

/// How often a regular expression matches.
func occurrences(of pattern: String, in text: String) -> Int {
  guard let regex = try? NSRegularExpression(pattern: pattern) else { return -1 }
  return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
}

/// Every shared XML lexicon survives a round trip through Lexiform's JSON
/// lines unchanged: the lossless format loses nothing.
final class SharedLexiconJSONLinesRoundTripTests: XCTestCase {
  func testRoundTripThroughJSONLines() throws {
    let root = try sharedDataURL("lexicons")
    let files = try FileManager.default.subpathsOfDirectory(atPath: root)
      .filter { ($0.hasSuffix(".dix") || $0.hasSuffix(".tei") || $0.hasSuffix(".lift")) && !$0.contains("Invalid") }
      .sorted()
    let dir = try TemporaryDirectory()
    for file in files {
      let reader = try Lexicon.open(root + "/" + file)
      let original = try readEntries(reader)
      let out = dir.file("round.jsonl")
      let output = try AtomicOutput(path: out)
      let dropped = try LexiconWriters.write(original, header: reader.header, as: .jsonl, to: output)
      try output.commit()
      XCTAssertEqual(dropped.total, 0, file)
      let back = try readEntries(try Lexicon.open(out))
      XCTAssertEqual(back.count, original.count, file)
      for (a, b) in zip(original, back) where a != b {
        XCTFail("\(file): \(a.headword.text) changed in the round trip")
        break
      }
    }
  }
}
