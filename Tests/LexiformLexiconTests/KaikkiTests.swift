import Foundation
import LexiformCore
import XCTest
import _LexiformTestSupport

@testable import LexiformLexicon

final class KaikkiTests: XCTestCase {
  private let en = LanguageTag("en")
  private let sw = LanguageTag("sw")

  func testMapping() throws {
    let path = try fixturePath("kaikki/sample.jsonl")
    let reader = try KaikkiReader(path: path, options: LexiconReaderOptions(sourceLanguage: sw))
    let entries = try readAll(reader)
    XCTAssertEqual(entries.count, 3)
    XCTAssertEqual(reader.header.targetLanguages, [en])

    let kitabu = entries[0]
    XCTAssertEqual(kitabu.headword, Form("kitabu", language: sw))
    XCTAssertEqual(kitabu.partOfSpeech, "noun")
    XCTAssertEqual(kitabu.provenance, Provenance(path: path, format: "kaikki", line: 1))
    XCTAssertEqual(kitabu.senses.count, 2)
    XCTAssertEqual(kitabu.senses[0].id, "t-kitabu-1")
    XCTAssertEqual(kitabu.senses[0].translations, [Translation(Form("book", language: en))])
    XCTAssertEqual(kitabu.senses[0].definitions, [])
    XCTAssertEqual(kitabu.senses[0].fields, [Field("tag", Form("class-7"))])
    XCTAssertEqual(
      kitabu.senses[0].examples,
      [Example(Form("Nina kitabu.", language: sw), translations: [Form("I have a book.", language: en)], type: "example")])
    XCTAssertEqual(kitabu.senses[1].translations.map(\.form.text), ["volume", "tome"])
    XCTAssertEqual(kitabu.senses[1].relations, [Relation(type: "synonyms", target: "juzuu")])
    XCTAssertEqual(kitabu.inflectedForms, [InflectedForm("vitabu", tags: ["plural"])])
    XCTAssertEqual(kitabu.pronunciations, [Form("/kiˈtabu/")])
    XCTAssertEqual(
      kitabu.fields,
      [
        Field("lang", Form("Swahili")),
        Field("forms", Form(#"{"form":"sw-noun","tags":["inflection-template"]}"#)),
        Field("sounds", Form(#"{"audio":"test.ogg","ogg_url":"https://example.org/test.ogg"}"#)),
        Field("etymology_text", Form("Written for a test.")),
        Field("categories", Form(#"["Test nouns"]"#)),
      ])

    let house = entries[1]
    XCTAssertEqual(house.headword, Form("house", language: en))
    // An English word in the English edition: glosses are definitions.
    XCTAssertEqual(house.senses[0].definitions, [Form("A building where people live.", language: en)])
    XCTAssertEqual(
      house.senses[0].translations,
      [
        Translation(Form("nyumba", language: sw)),
        Translation(Form("maison", language: LanguageTag("fr"), tags: ["feminine"])),
      ])
    XCTAssertEqual(house.senses[0].relations, [Relation(type: "synonyms", target: "home")])
    XCTAssertEqual(house.senses.count, 2)
    XCTAssertEqual(house.senses[1].definitions, [Form("a family line", language: en)])
    XCTAssertEqual(
      house.senses[1].translations,
      [
        Translation(Form("дом", language: LanguageTag("ru"), tags: ["roman:dom"])),
        Translation(Form("gens", language: LanguageTag("la"))),
      ])
    XCTAssertEqual(house.senses[1].fields, [Field("kaikki:translation-sense", Form("a family line"))])
    XCTAssertTrue(house.fields.contains(Field("translations", Form(#"{"lang":"Nowhere","sense":"no word"}"#))))
    XCTAssertEqual(house.variants, [Form("house", tags: ["canonical"])])
    XCTAssertEqual(house.inflectedForms, [InflectedForm("houses", tags: ["plural"])])
    XCTAssertEqual(house.pronunciations, [Form("/haʊs/", tags: ["UK"])])

    let soma = entries[2]
    XCTAssertEqual(soma.headword.language, sw)  // from the options
    XCTAssertEqual(soma.senses[0].translations.map(\.form.text), ["to read"])
    XCTAssertEqual(soma.senses[0].fields, [Field("raw_glosses", Form(#"["(transitive) to read"]"#))])
  }

  func testEditionLanguageOption() throws {
    let reader = try KaikkiReader(
      path: try fixturePath("kaikki/sample.jsonl"), options: LexiconReaderOptions(targetLanguage: sw))
    let kitabu = try XCTUnwrap(reader.next())
    XCTAssertEqual(kitabu.senses[0].definitions, [Form("book", language: sw)])
    XCTAssertEqual(kitabu.senses[0].translations, [])
  }

  func testMissingWord() throws {
    let path = try fixturePath("kaikki/missing-word-line2.jsonl")
    let error = expectLexiconError { _ = try readAll(KaikkiReader(path: path)) }
    XCTAssertEqual(error?.description, "\(path):2: error: expected a \"word\" member, found none")
    let lenient = try KaikkiReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).map(\.headword.text), ["a", "c"])
    XCTAssertEqual(lenient.skipped.count(for: "missing word"), 1)
  }

  func testMalformedJSON() throws {
    let path = try fixturePath("kaikki/malformed-line3.jsonl")
    let error = expectLexiconError { _ = try readAll(KaikkiReader(path: path)) }
    XCTAssertEqual(error?.description, "\(path):3:14: error: expected ',' or '}' after an object member, found '\"'")
    let lenient = try KaikkiReader(path: path, options: LexiconReaderOptions(lenient: true))
    XCTAssertEqual(try readAll(lenient).count, 2)
    XCTAssertEqual(lenient.skipped.count(for: "malformed JSON"), 1)
  }

  func testJSONLinesRoundTrip() throws {
    let directory = try TemporaryDirectory()
    let reader = try KaikkiReader(path: try fixturePath("kaikki/sample.jsonl"))
    let entries = try readAll(reader)
    let out = directory.file("k.jsonl")
    _ = try writeAll(entries, header: reader.header, to: out) { JSONLinesWriter(output: $0) }
    XCTAssertEqual(try readAll(JSONLinesReader(path: out)), entries)
  }
}
