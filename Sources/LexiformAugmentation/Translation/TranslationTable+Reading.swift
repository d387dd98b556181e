public import LexiformLexicon
public import LexiformTokenization

/// Which way a bilingual lexicon is used.
public enum LexiconDirection: String, Sendable, Hashable, CaseIterable {
  /// Headwords are the source, translations the target; entries and
  /// translations marked right-to-left only (Apertium `r="RL"`) are not used.
  case forward
  /// Translations are the source, headwords the target; left-to-right-only
  /// pairs are not used (translate English to Welsh with a Welsh–English lexicon).
  case reverse
}

/// What ``TranslationTableBuilder/add(_:direction:targetLanguage:)`` took from a lexicon.
public struct LexiconLoadReport: Hashable, Sendable {
  /// Entries read.
  public var entries = 0
  /// Pairs added.
  public var pairs = 0
  /// Translations passed over because their language is not the target language.
  public var otherLanguage = 0
  /// Translations passed over because of their direction.
  public var otherDirection = 0
  /// Pairs taken from short definitions of senses without translations.
  public var fromDefinitions = 0
  /// The lexicon's target language (header), if it says.
  public var targetLanguage: String?
  /// The lexicon's source language (header), if it says.
  public var sourceLanguage: String?

  /// Creates an empty report.
  public init() {}
}

extension TranslationTableBuilder {
  /// Adds every usable pair of a lexicon: each headword and its spelling
  /// variants with each translation of each sense (subsenses included), or
  /// the other way round.
  ///
  /// Many bilingual dictionaries (FreeDict's Swahili–English among them)
  /// give a sense's equivalents as `<def>` glosses rather than translations:
  /// with `usesDefinitions`, a sense (or subsense) without translations
  /// contributes its definitions, split at `;` and `,`, that are at most
  /// four words long and hold no parentheses (`passenger`, `to read`; not
  /// `a person who travels (in a vehicle)`), after its translations' rank.
  ///
  /// Inflected forms listed in entries are not sources: morphology-aware
  /// translation inflects through UniMorph tables instead.
  /// - Parameters:
  ///   - reader: A lexicon reader at its start (any format Lexiform reads).
  ///   - direction: Which side is the source.
  ///   - targetLanguage: Only translations in this language (by primary
  ///     subtag) are used when a translation says its language; `nil` for all.
  ///   - usesDefinitions: Whether short definitions of senses without
  ///     translations count as translations. Default `true`.
  /// - Returns: What was read and added.
  /// - Throws: What the reader throws.
  public func add(
    _ reader: any LexiconReader, direction: LexiconDirection = .forward, targetLanguage: String? = nil,
    usesDefinitions: Bool = true
  ) throws(LexiconError) -> LexiconLoadReport {
    var report = LexiconLoadReport()
    let wanted = targetLanguage.map(Self.primaryLanguage)
    while let entry = try reader.next() {
      report.entries += 1
      guard !entry.isDeleted else { continue }
      let heads = [entry.headword.text] + entry.variants.map(\.text)
      var translations = entry.allTranslations
      if usesDefinitions {
        let glosses = Self.glosses(entry.senses)
        report.fromDefinitions += glosses.count * heads.count
        translations += glosses
      }
      for translation in translations {
        let usable: Bool
        switch direction {
        case .forward: usable = translation.direction != .rightToLeft && entry.direction != .rightToLeft
        case .reverse: usable = translation.direction != .leftToRight && entry.direction != .leftToRight
        }
        guard usable else {
          report.otherDirection += 1
          continue
        }
        let side = direction == .forward ? translation.form.language : entry.headword.language
        if let wanted, let side, !side.isEmpty, Self.primaryLanguage(side.rawValue) != wanted {
          report.otherLanguage += 1
          continue
        }
        switch direction {
        case .forward:
          for head in heads where add(source: head, translation: translation.form.text, score: translation.score) {
            report.pairs += 1
          }
        case .reverse:
          for head in heads where add(source: translation.form.text, translation: head, score: translation.score) {
            report.pairs += 1
          }
        }
      }
    }
    let header = reader.header
    report.sourceLanguage = header.sourceLanguage?.rawValue
    report.targetLanguage = header.targetLanguages.first?.rawValue
    if direction == .reverse { swap(&report.sourceLanguage, &report.targetLanguage) }
    return report
  }

  /// Short definitions of senses without translations, as translations.
  static func glosses(_ senses: [Sense]) -> [Translation] {
    var found: [Translation] = []
    for sense in senses {
      if sense.translations.isEmpty {
        for definition in sense.definitions {
          for part in definition.text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let words = part.split(whereSeparator: \.isWhitespace)
            guard !words.isEmpty, words.count <= 4, !part.contains("("), !part.contains(")") else { continue }
            found.append(Translation(Form(words.joined(separator: " "), language: definition.language)))
          }
        }
      }
      found += glosses(sense.subsenses)
    }
    return found
  }

  /// The primary language subtag, lowercased: `en-US` → `en`.
  static func primaryLanguage(_ tag: String) -> String {
    String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? Substring(tag)).lowercased()
  }
}

extension TranslationTable {
  /// Reads lexicons into one table.
  /// - Parameters:
  ///   - paths: The lexicon files, in any format Lexiform reads (detected per file unless `format` is given).
  ///   - format: The format of every file, or `nil` to detect it.
  ///   - readerOptions: Lenient mode and the languages files do not state.
  ///   - direction: Which side is the source.
  ///   - sourceLanguage: The source language (case folding), if known.
  ///   - targetLanguage: The target language: filters translations that say
  ///     their language, cases translations, names the table's language.
  ///   - tokenizer: Splits multiword sources as the text will be split.
  ///   - name: The table's name in reports; default: the first file's name.
  ///   - usesDefinitions: Whether short definitions of senses without
  ///     translations count as translations (see ``TranslationTableBuilder/add(_:direction:targetLanguage:usesDefinitions:)``).
  /// - Returns: The table and what each file gave.
  /// - Throws: ``LexiconError`` from opening or reading a file.
  public static func load(
    paths: [String], format: LexiconFormat? = nil, readerOptions: LexiconReaderOptions = LexiconReaderOptions(),
    direction: LexiconDirection = .forward, sourceLanguage: String? = nil, targetLanguage: String? = nil,
    tokenizer: Tokenizer, name: String? = nil, usesDefinitions: Bool = true
  ) throws(LexiconError) -> (table: TranslationTable, reports: [LexiconLoadReport]) {
    let builder = TranslationTableBuilder(
      tokenizer: tokenizer, sourceLocale: sourceLanguage ?? "", targetLocale: targetLanguage ?? "")
    var reports: [LexiconLoadReport] = []
    for path in paths {
      let reader = try Lexicon.open(path, format: format, options: readerOptions)
      var report = try builder.add(
        reader, direction: direction, targetLanguage: targetLanguage, usesDefinitions: usesDefinitions)
      if report.targetLanguage == nil { report.targetLanguage = targetLanguage }
      reports.append(report)
    }
    let language = targetLanguage ?? reports.lazy.compactMap(\.targetLanguage).first
    let fileName = paths.first.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "lexicon"
    return (builder.build(language: language, name: name ?? reports.first?.targetLanguage ?? fileName), reports)
  }
}
