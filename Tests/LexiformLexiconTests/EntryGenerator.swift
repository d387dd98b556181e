import LexiformCore
import LexiformLexicon

/// Builds random but reproducible lexicon entries for property tests: every
/// member of the model, strings with quotes, backslashes, control
/// characters, non-BMP and right-to-left text.
struct EntryGenerator {
  var random: SeededRandom

  init(seed: UInt64) { random = SeededRandom(seed: seed) }

  private static let pieces = [
    "kitabu", "ʻokina", "ܫܠܡܐ", "中文", "😀", "a\"b", "back\\slash", "tab\there", "new\nline", "\u{0}", "\u{1F}",
    "\u{200D}", "é", "e\u{301}", "", " ", "/", "Ꮳ", "ḱ", "x",
  ]
  private static let languages = ["sw", "en", "quc", "chr", "syc", "en-GB", "sr-Latn"]

  mutating func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }
  mutating func count(_ max: UInt64) -> Int { Int(random.next() % (max + 1)) }
  mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

  mutating func text() -> String {
    (0..<(1 + count(2))).map { _ in pick(Self.pieces) }.joined()
  }

  mutating func optionalText() -> String? { chance(2) ? text() : nil }

  mutating func form() -> Form {
    Form(
      text(), language: chance(2) ? LanguageTag(pick(Self.languages)) : nil,
      tags: (0..<count(2)).map { _ in text() })
  }

  mutating func direction() -> Direction { pick(Direction.allCases) }

  mutating func score() -> Double? {
    switch random.next() % 4 {
    case 0: return nil
    case 1: return Double(Int(random.next() % 1000)) / 8
    case 2: return Double(bitPattern: random.next() & 0x3FFF_FFFF_FFFF_FFFF)
    default: return chance(2) ? .infinity : -1e-300
    }
  }

  mutating func field() -> Field { Field(text(), form()) }
  mutating func relation() -> Relation { Relation(type: text(), target: text()) }

  mutating func sense(depth: Int = 0) -> Sense {
    Sense(
      id: optionalText(), partOfSpeech: optionalText(),
      translations: (0..<count(3)).map { _ in
        Translation(form(), direction: direction(), score: score(), source: optionalText())
      },
      definitions: (0..<count(2)).map { _ in form() },
      examples: (0..<count(1)).map { _ in Example(form(), translations: (0..<count(2)).map { _ in form() }, type: optionalText()) },
      fields: (0..<count(2)).map { _ in field() },
      relations: (0..<count(1)).map { _ in relation() },
      subsenses: depth < 2 ? (0..<count(1)).map { _ in sense(depth: depth + 1) } : [])
  }

  mutating func entry() -> LexiconEntry {
    LexiconEntry(
      id: optionalText(), headword: form(), script: chance(2) ? "Latn" : nil, partOfSpeech: optionalText(),
      tags: (0..<count(2)).map { _ in text() }, pronunciations: (0..<count(1)).map { _ in form() },
      senses: (0..<count(3)).map { _ in sense() }, variants: (0..<count(1)).map { _ in form() },
      inflectedForms: (0..<count(2)).map { _ in InflectedForm(text(), tags: (0..<count(3)).map { _ in text() }) },
      relations: (0..<count(1)).map { _ in relation() }, fields: (0..<count(2)).map { _ in field() },
      direction: direction(), isDeleted: chance(5),
      provenance: chance(2)
        ? Provenance(path: text(), format: text(), line: chance(2) ? count(100_000) : nil, licence: optionalText()) : nil)
  }

  mutating func header() -> LexiconHeader {
    LexiconHeader(
      sourceLanguage: chance(2) ? LanguageTag(pick(Self.languages)) : nil,
      targetLanguages: (0..<count(2)).map { _ in LanguageTag(pick(Self.languages)) }, title: optionalText(),
      licence: optionalText(), fields: (0..<count(2)).map { _ in field() })
  }
}
