public import LexiformCore

/// Reads Kaikki.org / wiktextract JSON lines: one Wiktionary word–part of
/// speech entry per line, as a JSON object.
///
/// Mapping (members not listed go to ``LexiconEntry/fields`` under their own
/// name, as their text if a string, else as compact JSON, so nothing is lost):
/// - `word` → headword (required), in the language `lang_code`; `pos` → part
///   of speech; `lang` (the language's name) → a field.
/// - `senses[]` → senses: `id` → id; `glosses` → **translations into the
///   edition's language** (English unless
///   ``LexiconReaderOptions/targetLanguage`` says otherwise) when the word
///   is in another language, since Wiktionary glosses foreign words with
///   equivalents; for a word in the edition's own language they are
///   **definitions**. `tags` → one field `tag` per tag; `examples[]` (`text`,
///   `english`/`translation`, `type`) → examples; `synonyms`, `antonyms`,
///   `form_of`, `alt_of` and other lists of `{word}` → relations named after
///   the list; other members → fields of the sense.
/// - `translations[]` (`code` or `lang_code`, `word`, `sense`, `tags`,
///   `roman`) → translations, attached to the sense whose gloss equals
///   their `sense`, else gathered into one extra sense per `sense` text
///   (that text as its definition, marked by a field `kaikki:translation-sense`).
///   `roman`, `alt`, `note` and `english` become form tags `roman:…` etc.
/// - `forms[]` (`form`, `tags`) → inflected forms with their tags, kept for
///   UniMorph tables; forms tagged `canonical`, `romanization` or
///   `alternative` → variants; `table-tags` and `inflection-template`
///   pseudo-forms → fields.
/// - `sounds[].ipa` → pronunciations (with the sound's `tags`); sounds with
///   anything else (audio files, enPR, rhymes) → fields `sounds`.
/// - `synonyms`, `antonyms`, `derived`, `related`, … at the top level → relations.
///
/// Errors: malformed JSON names the line and column; a line without `word`
/// is `kaikki.jsonl:3: error: expected a "word" member, found none`.
/// Lenient mode skips such lines and counts them.
///
/// - Complexity: O(*n*) in the file's bytes; memory O(longest line).
public final class KaikkiReader: LexiconReader {
  public let path: String
  public var format: LexiconFormat { .kaikki }
  public private(set) var header = LexiconHeader()
  public private(set) var skipped = SkipCounter()
  private let options: LexiconReaderOptions
  private let source: _JSONLineSource
  /// The language of glosses (the Wiktionary edition's).
  private let glossLanguage: LanguageTag

  /// Opens a Kaikki JSON lines file (gzip-compressed or not; `-` for standard input).
  /// - Parameters:
  ///   - path: The file.
  ///   - options: Lenient mode; `targetLanguage` names the edition's
  ///     language (default `en`); `sourceLanguage` is used for lines without
  ///     `lang_code`.
  /// - Throws: ``LexiconError`` (`io`) when the file cannot be opened.
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    self.options = options
    source = try _JSONLineSource(path: path, lenient: options.lenient)
    self.path = source.path
    glossLanguage = options.targetLanguage ?? LanguageTag("en")
    header.sourceLanguage = options.sourceLanguage
    header.targetLanguages = [glossLanguage]
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    while let (value, location) = try source.next(skipped: &skipped) {
      do {
        return try entry(value, at: location)
      } catch {
        guard options.lenient else { throw error }
        skipped.record(reason: error.code == .missing ? "missing word" : "malformed line", at: location)
      }
    }
    return nil
  }

  private static let relationLists: Set<String> = [
    "synonyms", "antonyms", "hypernyms", "hyponyms", "holonyms", "meronyms", "derived", "related", "coordinate_terms",
    "troponyms", "form_of", "alt_of", "compound_of", "descendants", "abbreviations", "proverbs", "instances",
  ]

  private func fieldValue(_ value: JSONValue) -> Form {
    if case .string(let s) = value { return Form(s) }
    return Form(JSONWriter.text(of: value))
  }

  /// Relations from a list of `{"word": …}` objects (or strings).
  private func relations(_ name: String, _ value: JSONValue) -> [Relation]? {
    guard Self.relationLists.contains(name), let items = value.arrayValue else { return nil }
    var out: [Relation] = []
    for item in items {
      if let word = item["word"]?.stringValue ?? item.stringValue {
        out.append(Relation(type: name, target: word))
      } else {
        return nil  // not the expected shape: keep it as a field
      }
    }
    return out
  }

  private func strings(_ value: JSONValue?) -> [String] {
    value?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  private func entry(_ value: JSONValue, at location: SourceLocation) throws(LexiconError) -> LexiconEntry {
    guard let object = value.objectValue else {
      throw LexiconError(.malformed, at: location, expectedFound("a JSON object", value.kindDescription))
    }
    guard let wordValue = object["word"] else {
      throw LexiconError(.missing, at: location, expectedFound("a \"word\" member", "none"))
    }
    guard let word = wordValue.stringValue else {
      throw LexiconError(.malformed, at: location, expectedFound("a string for \"word\"", wordValue.kindDescription))
    }
    let language = object["lang_code"]?.stringValue.map(LanguageTag.init(rawValue:)) ?? options.sourceLanguage
    var entry = LexiconEntry(
      headword: Form(word, language: language),
      provenance: Provenance(path: path, format: LexiconFormat.kaikki.rawValue, line: location.line))
    let glossesAreTranslations = language.map { $0.language != glossLanguage.language } ?? true
    var pendingTranslations: [JSONValue] = []
    for member in object {
      switch member.key {
      case "word":
        continue
      case "lang_code" where member.value.stringValue != nil:
        continue
      case "pos" where member.value.stringValue != nil:
        entry.partOfSpeech = member.value.stringValue
      case "senses" where member.value.arrayValue != nil:
        let senses = member.value.arrayValue ?? []
        for sense in senses { entry.senses.append(self.sense(sense, glossesAreTranslations: glossesAreTranslations, language: language)) }
      case "translations" where member.value.arrayValue != nil:
        let items = member.value.arrayValue ?? []
        pendingTranslations.append(contentsOf: items)
      case "forms" where member.value.arrayValue != nil:
        let forms = member.value.arrayValue ?? []
        for form in forms { addForm(form, to: &entry) }
      case "sounds" where member.value.arrayValue != nil:
        let sounds = member.value.arrayValue ?? []
        for sound in sounds {
          let keys = Set(sound.objectValue?.map(\.key) ?? [])
          if let ipa = sound["ipa"]?.stringValue, keys.isSubset(of: ["ipa", "tags"]) {
            entry.pronunciations.append(Form(ipa, tags: strings(sound["tags"])))
          } else {
            if let ipa = sound["ipa"]?.stringValue { entry.pronunciations.append(Form(ipa, tags: strings(sound["tags"]))) }
            entry.fields.append(Field("sounds", fieldValue(sound)))
          }
        }
      default:
        if let relations = relations(member.key, member.value) {
          entry.relations.append(contentsOf: relations)
        } else {
          entry.fields.append(Field(member.key, fieldValue(member.value)))
        }
      }
    }
    attach(pendingTranslations, to: &entry)
    return entry
  }

  private func addForm(_ value: JSONValue, to entry: inout LexiconEntry) {
    guard let text = value["form"]?.stringValue else {
      entry.fields.append(Field("forms", fieldValue(value)))
      return
    }
    let tags = strings(value["tags"])
    if tags.contains("table-tags") || tags.contains("inflection-template") {
      entry.fields.append(Field("forms", fieldValue(value)))
    } else if tags.contains("canonical") || tags.contains("romanization") || tags.contains("alternative") {
      entry.variants.append(Form(text, tags: tags))
    } else {
      entry.inflectedForms.append(InflectedForm(text, tags: tags))
    }
  }

  private func sense(_ value: JSONValue, glossesAreTranslations: Bool, language: LanguageTag?) -> Sense {
    var sense = Sense()
    guard let object = value.objectValue else {
      sense.fields.append(Field("sense", fieldValue(value)))
      return sense
    }
    for member in object {
      switch member.key {
      case "id":
        sense.id = member.value.stringValue
        if sense.id == nil { sense.fields.append(Field("id", fieldValue(member.value))) }
      case "glosses":
        let glosses = strings(member.value)
        if glossesAreTranslations {
          sense.translations.append(contentsOf: glosses.map { Translation(Form($0, language: glossLanguage)) })
        } else {
          sense.definitions.append(contentsOf: glosses.map { Form($0, language: glossLanguage) })
        }
      case "tags":
        sense.fields.append(contentsOf: strings(member.value).map { Field("tag", Form($0)) })
      case "examples":
        for example in member.value.arrayValue ?? [] {
          guard let text = example["text"]?.stringValue else {
            sense.fields.append(Field("examples", fieldValue(example)))
            continue
          }
          var translations: [Form] = []
          for key in ["english", "translation"] {
            if let t = example[key]?.stringValue { translations.append(Form(t, language: glossLanguage)) }
          }
          sense.examples.append(
            Example(Form(text, language: language), translations: translations, type: example["type"]?.stringValue))
        }
      default:
        if let relations = relations(member.key, member.value) {
          sense.relations.append(contentsOf: relations)
        } else {
          sense.fields.append(Field(member.key, fieldValue(member.value)))
        }
      }
    }
    return sense
  }

  /// Puts `translations[]` items into the sense whose gloss is their `sense`,
  /// else into one extra sense per `sense` text.
  private func attach(_ items: [JSONValue], to entry: inout LexiconEntry) {
    var extraSenseIndex: [String: Int] = [:]
    for item in items {
      guard let word = item["word"]?.stringValue,
        let code = item["code"]?.stringValue ?? item["lang_code"]?.stringValue
      else {
        entry.fields.append(Field("translations", fieldValue(item)))
        continue
      }
      var tags = strings(item["tags"])
      for key in ["roman", "alt", "note", "english"] {
        if let extra = item[key]?.stringValue { tags.append("\(key):\(extra)") }
      }
      let translation = Translation(Form(word, language: LanguageTag(code), tags: tags))
      let senseText = item["sense"]?.stringValue ?? ""
      if !senseText.isEmpty, let i = entry.senses.firstIndex(where: { sense in
        sense.definitions.contains { $0.text == senseText } || sense.translations.contains { $0.form.text == senseText }
      }) {
        entry.senses[i].translations.append(translation)
        continue
      }
      if let i = extraSenseIndex[senseText] {
        entry.senses[i].translations.append(translation)
        continue
      }
      var sense = Sense(translations: [translation])
      if !senseText.isEmpty { sense.definitions = [Form(senseText, language: glossLanguage)] }
      sense.fields = [Field("kaikki:translation-sense", Form(senseText))]
      extraSenseIndex[senseText] = entry.senses.count
      entry.senses.append(sense)
    }
  }
}
