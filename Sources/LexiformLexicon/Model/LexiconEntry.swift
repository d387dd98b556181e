public import LexiformCore

/// Which way an entry of a bilingual dictionary may be used (Apertium's
/// `r="LR"` and `r="RL"`).
public enum Direction: String, Hashable, Codable, Sendable, CaseIterable {
  /// Both ways (no restriction).
  case both
  /// Only from the source (left) language to the target (right) one.
  case leftToRight = "LR"
  /// Only from the target (right) language to the source (left) one.
  case rightToLeft = "RL"

  /// The direction after swapping source and target.
  public var inverted: Direction {
    switch self {
    case .both: .both
    case .leftToRight: .rightToLeft
    case .rightToLeft: .leftToRight
    }
  }
}

/// A piece of text in a language: a headword, a translation, a gloss, an
/// example, a definition.
public struct Form: Hashable, Codable, Sendable {
  /// The text, in NFC.
  public var text: String
  /// Its language, if the file says.
  public var language: LanguageTag?
  /// Grammatical tags attached to this form (Apertium symbols on `<r>`, a
  /// TEI `<gramGrp>` inside a `<cit>`), in file order.
  public var tags: [String]

  /// Creates a form.
  /// - Parameters:
  ///   - text: The text.
  ///   - language: Its language, if known.
  ///   - tags: Grammatical tags attached to it.
  public init(_ text: String, language: LanguageTag? = nil, tags: [String] = []) {
    self.text = text
    self.language = language
    self.tags = tags
  }

  enum CodingKeys: String, CodingKey { case text, language = "lang", tags }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    text = try c.decode(String.self, forKey: .text)
    language = try c.decodeIfPresent(LanguageTag.self, forKey: .language)
    tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(text, forKey: .text)
    try c.encodeIfPresent(language, forKey: .language)
    if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
  }
}

/// A translation of a sense into another language.
public struct Translation: Hashable, Codable, Sendable {
  /// The translation itself (text, language, tags).
  public var form: Form
  /// Which way the pair may be used.
  public var direction: Direction
  /// A weight or score: Apertium's `w`, an induced pair's score, a
  /// frequency; `nil` when the file gives none.
  public var score: Double?
  /// Where this translation came from, when it differs from its entry's
  /// (after `lexicon merge` or `pivot`).
  public var source: String?

  /// Creates a translation.
  /// - Parameters:
  ///   - form: The translation.
  ///   - direction: Which way the pair may be used.
  ///   - score: A weight or score, if any.
  ///   - source: Its origin, when it differs from the entry's.
  public init(_ form: Form, direction: Direction = .both, score: Double? = nil, source: String? = nil) {
    self.form = form
    self.direction = direction
    self.score = score
    self.source = source
  }

  enum CodingKeys: String, CodingKey { case form, direction, score, source }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    form = try c.decode(Form.self, forKey: .form)
    direction = try c.decodeIfPresent(Direction.self, forKey: .direction) ?? .both
    score = try c.decodeIfPresent(Double.self, forKey: .score)
    source = try c.decodeIfPresent(String.self, forKey: .source)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(form, forKey: .form)
    if direction != .both { try c.encode(direction, forKey: .direction) }
    try c.encodeIfPresent(score, forKey: .score)
    try c.encodeIfPresent(source, forKey: .source)
  }
}

/// A usage example with its translations.
public struct Example: Hashable, Codable, Sendable {
  /// The example sentence or phrase.
  public var form: Form
  /// Its translations.
  public var translations: [Form]
  /// The kind of example or source, if given (LIFT `source`, TEI `type`).
  public var type: String?

  /// Creates an example.
  public init(_ form: Form, translations: [Form] = [], type: String? = nil) {
    self.form = form
    self.translations = translations
    self.type = type
  }
}

/// A named value the model has no dedicated place for: a LIFT `<trait>` or
/// `<field>`, a TEI `<usg>`, an extra TSV column, a Kaikki key. Kept so that
/// nothing is lost.
public struct Field: Hashable, Codable, Sendable {
  /// The name (`morph-type`, `usg:dom`, a column header).
  public var name: String
  /// The value; for multilingual fields, one form per language.
  public var value: Form

  /// Creates a field.
  public init(_ name: String, _ value: Form) {
    self.name = name
    self.value = value
  }
}

/// A link from an entry or sense to another: a synonym, a cross-reference, a
/// LIFT `<relation>`, an Apertium paradigm reference.
public struct Relation: Hashable, Codable, Sendable {
  /// The kind of link (`synonym`, `xr:syn`, `_component-lexeme`).
  public var type: String
  /// What it points to: an entry id, a headword or a URL.
  public var target: String

  /// Creates a relation.
  public init(type: String, target: String) {
    self.type = type
    self.target = target
  }
}

/// One meaning of an entry.
public struct Sense: Hashable, Codable, Sendable {
  /// The sense's id or number in the file (`n="2"`, LIFT `id`), if any.
  public var id: String?
  /// The part of speech when it is given per sense.
  public var partOfSpeech: String?
  /// Translations and glosses into other languages.
  public var translations: [Translation]
  /// Definitions, in any language.
  public var definitions: [Form]
  /// Usage examples.
  public var examples: [Example]
  /// Notes, usage labels and other fields.
  public var fields: [Field]
  /// Cross-references and relations.
  public var relations: [Relation]
  /// Nested senses (TEI `<sense>` in `<sense>`, LIFT `<subsense>`).
  public var subsenses: [Sense]

  /// Creates a sense.
  public init(
    id: String? = nil, partOfSpeech: String? = nil, translations: [Translation] = [],
    definitions: [Form] = [], examples: [Example] = [], fields: [Field] = [],
    relations: [Relation] = [], subsenses: [Sense] = []
  ) {
    self.id = id
    self.partOfSpeech = partOfSpeech
    self.translations = translations
    self.definitions = definitions
    self.examples = examples
    self.fields = fields
    self.relations = relations
    self.subsenses = subsenses
  }

  /// Whether the sense holds nothing.
  public var isEmpty: Bool {
    id == nil && partOfSpeech == nil && translations.isEmpty && definitions.isEmpty && examples.isEmpty
      && fields.isEmpty && relations.isEmpty && subsenses.isEmpty
  }

  /// This sense's translations and those of its subsenses, depth first.
  public var allTranslations: [Translation] {
    translations + subsenses.flatMap(\.allTranslations)
  }
}

/// An inflected form of the headword with its grammatical tags (Kaikki
/// `forms[]`), kept for building UniMorph tables.
public struct InflectedForm: Hashable, Codable, Sendable {
  /// The form.
  public var text: String
  /// Its tags as the source gives them (`plural`, `genitive`).
  public var tags: [String]

  /// Creates an inflected form.
  public init(_ text: String, tags: [String] = []) {
    self.text = text
    self.tags = tags
  }
}

/// Where an entry was read: file, format, line, and the licence the file states.
public struct Provenance: Hashable, Codable, Sendable {
  /// The file's path as given.
  public var path: String
  /// The format it was read as (`apertium`, `tei`, `lift`, …).
  public var format: String
  /// The 1-based line where the entry starts, if known.
  public var line: Int?
  /// The licence the file states, if any.
  public var licence: String?

  /// Creates a provenance record.
  public init(path: String, format: String, line: Int? = nil, licence: String? = nil) {
    self.path = path
    self.format = format
    self.line = line
    self.licence = licence
  }

  /// The entry's location, for diagnostics.
  public var location: SourceLocation { SourceLocation(path: path, line: line ?? 0) }
}

/// An entry of a bilingual (or multilingual) lexicon: Lexiform's one model for
/// every format it reads.
///
/// It holds what the formats have in common and keeps the rest in ``fields``
/// so that converting loses nothing the model can hold.
public struct LexiconEntry: Hashable, Codable, Sendable {
  /// The entry's id in the file (LIFT `id`, TEI `xml:id`), if any.
  public var id: String?
  /// The headword, with its language.
  public var headword: Form
  /// The ISO 15924 script of the headword (`Latn`), when known or detected.
  public var script: String?
  /// The part of speech (`n`, `vblex`, `Noun`), as the source names it.
  public var partOfSpeech: String?
  /// Grammatical tags of the headword beyond the part of speech (Apertium
  /// symbols, TEI `<gen>` and `<num>`), in file order.
  public var tags: [String]
  /// Pronunciations (TEI `<pron>`, LIFT `<pronunciation>`, Kaikki `sounds`).
  public var pronunciations: [Form]
  /// The meanings, each with translations.
  public var senses: [Sense]
  /// Other forms of the headword (spelling variants, dialect forms).
  public var variants: [Form]
  /// Inflected forms with tags (Kaikki).
  public var inflectedForms: [InflectedForm]
  /// Links to other entries.
  public var relations: [Relation]
  /// Notes, traits and anything else, by name.
  public var fields: [Field]
  /// Which way the entry may be used (applies to all its translations unless
  /// a translation says otherwise).
  public var direction: Direction
  /// Whether the source marks the entry as deleted (LIFT `dateDeleted`).
  public var isDeleted: Bool
  /// Where the entry was read.
  public var provenance: Provenance?

  /// Creates an entry.
  public init(
    id: String? = nil, headword: Form, script: String? = nil, partOfSpeech: String? = nil,
    tags: [String] = [], pronunciations: [Form] = [], senses: [Sense] = [], variants: [Form] = [],
    inflectedForms: [InflectedForm] = [], relations: [Relation] = [], fields: [Field] = [],
    direction: Direction = .both, isDeleted: Bool = false, provenance: Provenance? = nil
  ) {
    self.id = id
    self.headword = headword
    self.script = script
    self.partOfSpeech = partOfSpeech
    self.tags = tags
    self.pronunciations = pronunciations
    self.senses = senses
    self.variants = variants
    self.inflectedForms = inflectedForms
    self.relations = relations
    self.fields = fields
    self.direction = direction
    self.isDeleted = isDeleted
    self.provenance = provenance
  }

  /// Every translation of every sense, subsenses included.
  public var allTranslations: [Translation] { senses.flatMap(\.allTranslations) }

  /// The number of senses, subsenses included.
  public var senseCount: Int {
    func count(_ s: Sense) -> Int { 1 + s.subsenses.reduce(0) { $0 + count($1) } }
    return senses.reduce(0) { $0 + count($1) }
  }
}

/// What a lexicon file says about itself.
public struct LexiconHeader: Hashable, Codable, Sendable {
  /// The source (headword) language, if the file says.
  public var sourceLanguage: LanguageTag?
  /// The target languages, if the file says.
  public var targetLanguages: [LanguageTag]
  /// The title.
  public var title: String?
  /// The licence.
  public var licence: String?
  /// Other header facts by name (LIFT ranges, Apertium symbol definitions).
  public var fields: [Field]

  /// Creates a header.
  public init(
    sourceLanguage: LanguageTag? = nil, targetLanguages: [LanguageTag] = [], title: String? = nil,
    licence: String? = nil, fields: [Field] = []
  ) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguages = targetLanguages
    self.title = title
    self.licence = licence
    self.fields = fields
  }
}
