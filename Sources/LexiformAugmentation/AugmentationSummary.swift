public import LexiformCore

/// What a `translate` or `codeswitch` run did: counts, coverage and the most
/// frequent untranslated words.
public struct AugmentationSummary: Sendable {
  /// Records read (of this shard).
  public var records = 0
  /// Tokens read, words and others.
  public var tokens = 0
  /// Word tokens (with a letter); punctuation, numbers and symbols are not words.
  public var wordTokens = 0
  /// Word tokens covered by a translation.
  public var translatedTokens = 0
  /// Replacements made (a multiword match is one).
  public var replacements = 0
  /// Replacements of more than one source token.
  public var phraseReplacements = 0
  /// Word tokens without a translation.
  public var untranslatedTokens = 0
  /// Untranslated word tokens dropped.
  public var droppedTokens = 0
  /// CoNLL and MASSIVE labels moved to another token because theirs was dropped.
  public var movedLabels = 0
  /// Slots whose every word would have been dropped, kept untranslated instead.
  public var keptSlots = 0
  /// Code-switching: records picked.
  public var switchedRecords = 0
  /// Code-switching: words picked whose drawn lexicon had no translation.
  public var missedSwitches = 0
  /// Code-switching: replacements per lexicon name.
  public var switchesByLexicon: [String: Int] = [:]
  /// Morphology: words analysed by the source table whose lemma translates.
  public var analysedWords = 0
  /// Morphology: translations inflected from the target table.
  public var inflectedFromTable = 0
  /// Morphology: translations inflected by the inflection model.
  public var inflectedByModel = 0
  /// Morphology: analysed words that fell back to plain translation.
  public var plainFallbacks = 0
  /// Records skipped in lenient mode, by reason.
  public var skipped = SkipCounter()
  /// Distinct word types seen (by folded key), and how many of them were translated at least once.
  public var types = 0
  /// Distinct word types translated at least once.
  public var translatedTypes = 0
  /// The most frequent untranslated words (folded) and their counts, most frequent first.
  public var topUntranslated: [(word: String, count: Int)] = []
  /// Word types not tracked because the type table was full (coverage by type is then a lower bound).
  public var untrackedTypes = 0

  /// Creates an empty summary.
  public init() {}

  /// Share of word tokens translated, 0 when there are none.
  public var tokenCoverage: Double { wordTokens == 0 ? 0 : Double(translatedTokens) / Double(wordTokens) }
  /// Share of word types translated, 0 when there are none.
  public var typeCoverage: Double { types == 0 ? 0 : Double(translatedTypes) / Double(types) }

  /// Adds the counts of another summary (not the type statistics, which
  /// ``TypeTally`` merges).
  mutating func addCounts(_ other: AugmentationSummary) {
    records += other.records
    tokens += other.tokens
    wordTokens += other.wordTokens
    translatedTokens += other.translatedTokens
    replacements += other.replacements
    phraseReplacements += other.phraseReplacements
    untranslatedTokens += other.untranslatedTokens
    droppedTokens += other.droppedTokens
    movedLabels += other.movedLabels
    keptSlots += other.keptSlots
    switchedRecords += other.switchedRecords
    missedSwitches += other.missedSwitches
    for (name, count) in other.switchesByLexicon { switchesByLexicon[name, default: 0] += count }
    analysedWords += other.analysedWords
    inflectedFromTable += other.inflectedFromTable
    inflectedByModel += other.inflectedByModel
    plainFallbacks += other.plainFallbacks
    skipped.merge(other.skipped)
  }

  /// The summary as one JSON object.
  /// - Parameter extra: Members written first (command, lexicons, seed, shard).
  /// - Returns: The JSON text, without a newline.
  public func json(extra: [(String, String)] = []) -> String {
    var json = JSONWriter()
    json.beginObject()
    for (key, value) in extra {
      json.key(key)
      json.string(value)
    }
    let counts: [(String, Int)] = [
      ("records", records), ("tokens", tokens), ("word_tokens", wordTokens), ("translated_tokens", translatedTokens),
      ("replacements", replacements), ("phrase_replacements", phraseReplacements),
      ("untranslated_tokens", untranslatedTokens), ("dropped_tokens", droppedTokens), ("moved_labels", movedLabels),
      ("kept_slots", keptSlots), ("types", types), ("translated_types", translatedTypes),
      ("untracked_types", untrackedTypes),
    ]
    for (key, value) in counts {
      json.key(key)
      json.int(value)
    }
    json.key("token_coverage")
    json.double((tokenCoverage * 1e6).rounded() / 1e6)
    json.key("type_coverage")
    json.double((typeCoverage * 1e6).rounded() / 1e6)
    json.key("codeswitch")
    json.beginObject()
    json.key("switched_records")
    json.int(switchedRecords)
    json.key("missed_switches")
    json.int(missedSwitches)
    json.key("by_lexicon")
    json.beginObject()
    for (name, count) in switchesByLexicon.sorted(by: { $0.key < $1.key }) {
      json.key(name)
      json.int(count)
    }
    json.endObject()
    json.endObject()
    json.key("morphology")
    json.beginObject()
    for (key, value) in [
      ("analysed", analysedWords), ("inflected_from_table", inflectedFromTable),
      ("inflected_by_model", inflectedByModel), ("plain_fallbacks", plainFallbacks),
    ] {
      json.key(key)
      json.int(value)
    }
    json.endObject()
    json.key("skipped")
    json.int(skipped.total)
    json.key("top_untranslated")
    json.beginArray()
    for (word, count) in topUntranslated {
      json.beginArray()
      json.string(word)
      json.int(count)
      json.endArray()
    }
    json.endArray()
    json.endObject()
    return json.text
  }

  /// The summary as lines of text for standard error.
  public var lines: [String] {
    func percent(_ value: Double) -> String {
      let tenths = Int((value * 1000).rounded())
      return "\(tenths / 10).\(tenths % 10)%"
    }
    var out = [
      "\(records) records, \(tokens) tokens (\(wordTokens) words), \(replacements) replacements "
        + "(\(phraseReplacements) multiword)",
      "coverage: \(percent(tokenCoverage)) of word tokens (\(translatedTokens)/\(wordTokens)), "
        + "\(percent(typeCoverage)) of types (\(translatedTypes)/\(types))"
        + (untrackedTypes > 0 ? ", \(untrackedTypes) types untracked" : ""),
    ]
    if droppedTokens > 0 || movedLabels > 0 || keptSlots > 0 {
      out.append("dropped \(droppedTokens) untranslated tokens, moved \(movedLabels) labels, kept \(keptSlots) slots untranslated")
    }
    if switchedRecords > 0 || !switchesByLexicon.isEmpty {
      let by = switchesByLexicon.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      out.append("code-switching: \(switchedRecords) records picked; switches: \(by.isEmpty ? "none" : by); \(missedSwitches) picked words had no translation")
    }
    if analysedWords > 0 || plainFallbacks > 0 {
      out.append(
        "morphology: \(analysedWords) words analysed; \(inflectedFromTable) inflected from the target table, "
          + "\(inflectedByModel) by the model, \(plainFallbacks) plain translations")
    }
    if !topUntranslated.isEmpty {
      out.append("most frequent untranslated: " + topUntranslated.map { "\($0.word) \($0.count)" }.joined(separator: ", "))
    }
    return out
  }
}

/// Counts word types per thread by folded key: how often each occurs and
/// whether it was ever translated. At most ``limit`` types are tracked.
final class TypeTally {
  static let limit = 1 << 20
  private let table = ByteKeyTable(capacity: 1 << 14)
  private(set) var keys: [[UInt8]] = []
  private(set) var counts: [Int] = []
  private(set) var translated: [Bool] = []
  private(set) var untracked = 0

  func add(_ key: UnsafeRawBufferPointer, translated wasTranslated: Bool) {
    if let index = table.value(for: key) {
      counts[index] += 1
      if wasTranslated { translated[index] = true }
      return
    }
    guard keys.count < Self.limit else {
      untracked += 1
      return
    }
    table.insert(key, value: keys.count)
    keys.append(Array(key))
    counts.append(1)
    translated.append(wasTranslated)
  }

  /// Merges the tallies of all threads into `summary`.
  static func finish(_ translators: [WordTranslator], into summary: inout AugmentationSummary, top: Int) {
    var merged: [String: (count: Int, translated: Bool)] = [:]
    merged.reserveCapacity((translators.first?.table0.wordCount ?? 0) + (translators.first?.tally.keys.count ?? 0))
    if let table = translators.first?.table0 {
      for id in 0..<table.wordCount {
        var count = 0
        var translated = false
        for translator in translators {
          count += Int(translator.wordCounts[id])
          translated = translated || translator.wordTranslated[id]
        }
        if count > 0 { merged[table.wordKeys[id]] = (count, translated) }
      }
    }
    let tallies = translators.map(\.tally)
    for tally in tallies {
      summary.untrackedTypes += tally.untracked
      for (i, key) in tally.keys.enumerated() {
        let word = String(decoding: key, as: UTF8.self)
        let old = merged[word] ?? (0, false)
        merged[word] = (old.count + tally.counts[i], old.translated || tally.translated[i])
      }
    }
    summary.types = merged.count
    summary.translatedTypes = merged.values.filter(\.translated).count
    let untranslated = merged.filter { !$0.value.translated }
    summary.topUntranslated = untranslated.sorted {
      $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
    }.prefix(top).map { ($0.key, $0.value.count) }
  }
}
