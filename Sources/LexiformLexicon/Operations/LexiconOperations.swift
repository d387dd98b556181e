public import LexiformCore

/// The key under which two headwords or translations are the same word:
/// the text with its language, compared exactly (both sides are NFC).
struct WordKey: Hashable {
  var text: String
  var language: LanguageTag?
  var partOfSpeech: String?

  init(_ form: Form, partOfSpeech: String? = nil) {
    text = form.text
    language = form.language
    self.partOfSpeech = partOfSpeech
  }
}

/// Lexicon-wide operations: inversion, merging, pivoting.
///
/// Each gathers entries by headword in memory (O(entries) memory, one pass
/// over each input) and returns entries in a deterministic order: the order
/// in which their headwords first appear.
public enum LexiconOperations {
  /// Swaps headwords and translations: every translation becomes the
  /// headword of an entry whose translations are the original headwords.
  ///
  /// Directions are swapped (`LR` becomes `RL`), the part of speech is
  /// kept, and each new translation's `source` names the entry it came from.
  /// - Parameter reader: The lexicon to invert.
  /// - Returns: The inverted entries.
  /// - Throws: ``LexiconError`` from the reader.
  public static func invert(_ reader: any LexiconReader) throws(LexiconError) -> [LexiconEntry] {
    var order: [WordKey] = []
    var entries: [WordKey: LexiconEntry] = [:]
    while let entry = try reader.next() {
      guard !entry.isDeleted else { continue }
      for sense in entry.senses {
        for translation in sense.translations + sense.subsenses.flatMap(\.allTranslations) {
          let pos = sense.partOfSpeech ?? entry.partOfSpeech
          let key = WordKey(Form(translation.form.text, language: translation.form.language), partOfSpeech: pos)
          if entries[key] == nil {
            order.append(key)
            var inverted = LexiconEntry(
              headword: Form(translation.form.text, language: translation.form.language, tags: translation.form.tags))
            inverted.partOfSpeech = pos
            inverted.provenance = Provenance(path: reader.path, format: "inverted from \(reader.format.rawValue)")
            inverted.senses = [Sense()]
            entries[key] = inverted
          }
          let back = Translation(
            Form(entry.headword.text, language: entry.headword.language, tags: entry.tags),
            direction: (translation.direction == .both ? entry.direction : translation.direction).inverted,
            score: translation.score,
            source: entry.provenance.map { "\($0.path):\($0.line ?? 0)" })
          if entries[key]?.senses[0].translations.contains(where: { $0.form == back.form }) == false {
            entries[key]?.senses[0].translations.append(back)
          }
        }
      }
    }
    return order.compactMap { entries[$0] }
  }

  /// Merges lexicons: entries with the same headword, language and part of
  /// speech become one, whose senses are those of all of them, with repeated
  /// translations removed. Every translation keeps where it came from in its
  /// `source` (`path:line`).
  /// - Parameter readers: The lexicons, in order of precedence.
  /// - Returns: The merged entries.
  /// - Throws: ``LexiconError`` from the readers.
  public static func merge(_ readers: [any LexiconReader]) throws(LexiconError) -> [LexiconEntry] {
    var order: [WordKey] = []
    var merged: [WordKey: LexiconEntry] = [:]
    var seen: [WordKey: Set<WordKey>] = [:]
    for reader in readers {
      while var entry = try reader.next() {
        guard !entry.isDeleted else { continue }
        let origin = entry.provenance.map { "\($0.path):\($0.line ?? 0)" } ?? reader.path
        for i in entry.senses.indices {
          entry.senses[i] = stamp(entry.senses[i], origin: origin)
        }
        let key = WordKey(entry.headword, partOfSpeech: entry.partOfSpeech)
        guard var existing = merged[key] else {
          order.append(key)
          seen[key] = Set(entry.allTranslations.map { WordKey($0.form) })
          merged[key] = entry
          continue
        }
        for var sense in entry.senses {
          sense.translations.removeAll { !(seen[key, default: []].insert(WordKey($0.form)).inserted) }
          if !sense.isEmpty { existing.senses.append(sense) }
        }
        for variant in entry.variants where !existing.variants.contains(variant) { existing.variants.append(variant) }
        for field in entry.fields where !existing.fields.contains(field) { existing.fields.append(field) }
        merged[key] = existing
      }
    }
    return order.compactMap { merged[$0] }
  }

  private static func stamp(_ sense: Sense, origin: String) -> Sense {
    var sense = sense
    for i in sense.translations.indices where sense.translations[i].source == nil {
      sense.translations[i].source = origin
    }
    sense.subsenses = sense.subsenses.map { stamp($0, origin: origin) }
    return sense
  }

  /// Builds an A–C lexicon from A–B and B–C through their shared language B:
  /// each translation *b* of an A headword is looked up among the B–C
  /// headwords, and their translations become translations of the A
  /// headword. Every derived translation is marked in its `source`
  /// (`pivot via B "b"`), and its score is the number of pivot words that
  /// lead to it (more paths, more trust), so that users can filter.
  /// - Parameters:
  ///   - first: The A–B lexicon.
  ///   - second: The B–C lexicon (held in memory).
  /// - Returns: The A–C entries (those with at least one translation).
  /// - Throws: ``LexiconError`` from the readers.
  public static func pivot(_ first: any LexiconReader, through second: any LexiconReader) throws(LexiconError)
    -> [LexiconEntry]
  {
    var index: [String: [Translation]] = [:]
    while let entry = try second.next() {
      guard !entry.isDeleted else { continue }
      index[entry.headword.text, default: []] += entry.allTranslations
    }
    var result: [LexiconEntry] = []
    while let entry = try first.next() {
      guard !entry.isDeleted else { continue }
      var counts: [WordKey: Int] = [:]
      var found: [WordKey: Translation] = [:]
      var order: [WordKey] = []
      var via: [WordKey: [String]] = [:]
      for b in entry.allTranslations {
        for c in index[b.form.text] ?? [] {
          let key = WordKey(c.form)
          if found[key] == nil {
            order.append(key)
            found[key] = c
          }
          counts[key, default: 0] += 1
          if via[key]?.contains(b.form.text) != true { via[key, default: []].append(b.form.text) }
        }
      }
      guard !order.isEmpty else { continue }
      var derived = LexiconEntry(headword: entry.headword, partOfSpeech: entry.partOfSpeech, tags: entry.tags)
      derived.provenance = Provenance(
        path: "\(first.path) + \(second.path)", format: "pivot", line: entry.provenance?.line)
      var sense = Sense()
      for key in order {
        guard let c = found[key] else { continue }
        let words = (via[key] ?? []).map { "\"\($0)\"" }.joined(separator: ", ")
        sense.translations.append(
          Translation(c.form, direction: c.direction, score: Double(counts[key] ?? 1), source: "pivot via \(words)"))
      }
      derived.senses = [sense]
      result.append(derived)
    }
    return result
  }
}
