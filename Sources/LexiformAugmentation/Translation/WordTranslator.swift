import LexiformCore

/// The word-by-word engine shared by the text, CoNLL and MASSIVE formats:
/// a record's tokens go in, pieces (kept, translated, dropped) come out.
///
/// Translation is greedy longest match from left to right [Wang, Ruder &
/// Neubig 2022]: at each word the longest source in the lexicon that starts
/// there (up to the lexicon's longest multiword headword, and never across a
/// break such as a label boundary) is replaced by one translation; words
/// without one are kept or dropped. Code-switching follows CoSDA-ML [Qin et
/// al. 2020]. Punctuation, numbers and symbols are never translated.
///
/// Each record draws from its own stream of the seed (``beginRecord(_:)``),
/// so output does not depend on threads or on the other records.
///
/// One translator per thread.
///
/// [Wang, Ruder & Neubig 2022]: https://aclanthology.org/2022.acl-long.61
///   (X. Wang, S. Ruder, G. Neubig, "Expanding Pretrained Models to Thousands
///   More Languages via Lexicon-based Adaptation", ACL 2022)
/// [Qin et al. 2020]: https://www.ijcai.org/proceedings/2020/533
///   (L. Qin, M. Ni, Y. Zhang, W. Che, "CoSDA-ML: Multi-Lingual Code-Switching
///   Data Augmentation for Zero-Shot Cross-Lingual NLP", IJCAI 2020)
final class WordTranslator {
  /// What became of a run of source tokens.
  enum Kind: UInt8 {
    /// Kept as it is (a word without translation, or not picked).
    case kept
    /// Not a word: punctuation, a number, a symbol.
    case other
    /// Replaced by ``Piece/text``.
    case translated
    /// Dropped (an untranslated word with `dropsUnknown`).
    case dropped
  }

  /// A run of source tokens and what became of it.
  struct Piece {
    var tokens: Range<Int>
    var kind: Kind
    /// The output bytes in ``WordTranslator/output``.
    var text: Range<Int>
  }

  let tables: [TranslationTable]
  let options: AugmentationOptions
  let morphology: MorphologyTables?
  let inflector: (any LemmaInflector)?
  var summary = AugmentationSummary()
  let tally = TypeTally()
  /// Per record: code-switching replacements (token, source, target, lexicon).
  var switches: [(token: Int, source: String, target: String, lexicon: String)] = []

  /// The first table: the only one when translating.
  let table0: TranslationTable
  // Tokens of the current segment. Only this thread touches them: dynamic
  // exclusivity checks would cost more than the work.
  @exclusivity(unchecked) var tokenBytes: [UInt8] = []
  @exclusivity(unchecked) var tokenRanges: [Range<Int>] = []
  @exclusivity(unchecked) var keyBytes: [UInt8] = []
  @exclusivity(unchecked) var keyRanges: [Range<Int>] = []
  @exclusivity(unchecked) var ids: [Int32] = []
  @exclusivity(unchecked) var isWord: [Bool] = []
  @exclusivity(unchecked) var casings: [WordCasing] = []
  @exclusivity(unchecked) var breaks: [Bool] = []
  // Results.
  @exclusivity(unchecked) var pieces: [Piece] = []
  @exclusivity(unchecked) var output: [UInt8] = []
  /// Per word of table 0: occurrences, and whether translated (type statistics without hashing).
  @exclusivity(unchecked) var wordCounts: [Int32] = []
  @exclusivity(unchecked) var wordTranslated: [Bool] = []

  @exclusivity(unchecked) private var random = SeededRandom(seed: 0)
  private var recordPicked = true
  @exclusivity(unchecked) private var scratch: [UInt8] = []
  @exclusivity(unchecked) private var otherIDs: [Int32] = []
  private var lemmaLists: [String: Int32] = [:]
  /// Tokens before the current segment in this record (for switch records).
  private var tokenOffset = 0

  init(
    tables: [TranslationTable], options: AugmentationOptions, morphology: MorphologyTables?,
    inflector: (any LemmaInflector)?
  ) {
    self.tables = tables
    self.table0 = tables[0]
    self.wordCounts = [Int32](repeating: 0, count: tables[0].wordCount)
    self.wordTranslated = [Bool](repeating: false, count: tables[0].wordCount)
    self.options = options
    self.morphology = morphology
    self.inflector = inflector
  }

  /// Starts a record: its random stream, and for code-switching whether it is picked.
  func beginRecord(_ index: Int) {
    random = SeededRandom(seed: options.seed, stream: UInt64(truncatingIfNeeded: index))
    switches.removeAll(keepingCapacity: true)
    tokenRanges.removeAll(keepingCapacity: true)
    tokenOffset = 0
    summary.records += 1
    if case .codeswitch(let ratio, _) = options.mode {
      recordPicked = random.bernoulli(ratio)
      if recordPicked { summary.switchedRecords += 1 }
    }
  }

  /// Empties the segment.
  func beginSegment() {
    tokenOffset += tokenRanges.count
    tokenBytes.removeAll(keepingCapacity: true)
    tokenRanges.removeAll(keepingCapacity: true)
    keyBytes.removeAll(keepingCapacity: true)
    keyRanges.removeAll(keepingCapacity: true)
    ids.removeAll(keepingCapacity: true)
    isWord.removeAll(keepingCapacity: true)
    casings.removeAll(keepingCapacity: true)
    breaks.removeAll(keepingCapacity: true)
    pieces.removeAll(keepingCapacity: true)
    output.removeAll(keepingCapacity: true)
  }

  /// Adds a token whose bytes were appended to ``tokenBytes`` from `start`.
  /// - Parameters:
  ///   - start: Where its bytes start in ``tokenBytes``.
  ///   - breakBefore: Whether no match may span from the previous token to this one.
  func addToken(from start: Int, breakBefore: Bool = false) {
    let range = start..<tokenBytes.count
    tokenRanges.append(range)
    breaks.append(breakBefore)
    let keyStart = keyBytes.count
    tokenBytes.withUnsafeBufferPointer { all in
      let token = UnsafeBufferPointer(rebasing: all[range])
      let word = WordCasing.isWord(token)
      isWord.append(word)
      casings.append(word ? WordCasing.of(token) : .lower)
      table0.folder.appendKey(of: token, to: &keyBytes)
    }
    keyRanges.append(keyStart..<keyBytes.count)
    ids.append(keyBytes.withUnsafeBytes { table0.wordID(UnsafeRawBufferPointer(rebasing: $0[keyStart...])) })
  }

  /// Adds a token given as bytes.
  func addToken(_ bytes: UnsafeBufferPointer<UInt8>, breakBefore: Bool = false) {
    let start = tokenBytes.count
    tokenBytes.append(contentsOf: bytes)
    addToken(from: start, breakBefore: breakBefore)
  }

  /// Translates the segment's tokens into ``pieces``.
  func run() {
    let n = tokenRanges.count
    summary.tokens += n
    var i = 0
    while i < n {
      guard isWord[i] else {
        appendPiece(i..<i + 1, .other)
        i += 1
        continue
      }
      summary.wordTokens += 1
      switch options.mode {
      case .translate:
        if morphology != nil, translateMorphologically(i) {
          i += 1
          continue
        }
        if let (length, list) = match(tables[0], at: i, ids: nil) {
          emit(i..<i + length, table: tables[0], list: list)
          i += length
        } else {
          untranslated(i)
          i += 1
        }
      case .codeswitch(_, let cross):
        guard recordPicked, random.bernoulli(cross) else {
          tallyType(i, translated: false)
          summary.untranslatedTokens += 1
          appendPiece(i..<i + 1, .kept)
          i += 1
          continue
        }
        let t = tables.count == 1 ? 0 : random.uniform(below: tables.count)
        let table = tables[t]
        if let (length, list) = match(table, at: i, ids: t == 0 ? nil : table) {
          let sourceText = (i..<i + length).map { String(decoding: tokenBytes[tokenRanges[$0]], as: UTF8.self) }
            .joined(separator: " ")
          let start = output.count
          emit(i..<i + length, table: table, list: list)
          switches.append((tokenOffset + i, sourceText, String(decoding: output[start...], as: UTF8.self), table.name))
          summary.switchesByLexicon[table.name, default: 0] += 1
          i += length
        } else {
          summary.missedSwitches += 1
          tallyType(i, translated: false)
          summary.untranslatedTokens += 1
          appendPiece(i..<i + 1, .kept)
          i += 1
        }
      }
    }
  }

  private func untranslated(_ i: Int) {
    summary.untranslatedTokens += 1
    tallyType(i, translated: false)
    if options.dropsUnknown {
      summary.droppedTokens += 1
      pieces.append(Piece(tokens: i..<i + 1, kind: .dropped, text: output.count..<output.count))
    } else {
      appendPiece(i..<i + 1, .kept)
    }
  }

  private func tallyType(_ i: Int, translated: Bool) {
    let id = Int(ids[i])
    if id >= 0 {
      wordCounts[id] &+= 1
      if translated { wordTranslated[id] = true }
      return
    }
    keyBytes.withUnsafeBytes { tally.add(UnsafeRawBufferPointer(rebasing: $0[keyRanges[i]]), translated: translated) }
  }

  /// A piece whose output is its own token text.
  private func appendPiece(_ tokens: Range<Int>, _ kind: Kind) {
    let start = output.count
    output.append(contentsOf: tokenBytes[tokenRanges[tokens.lowerBound].lowerBound..<tokenRanges[tokens.upperBound - 1].upperBound])
    pieces.append(Piece(tokens: tokens, kind: kind, text: start..<output.count))
  }

  /// The word id of token `i` in `table` (the segment's ids are for table 0).
  private func id(_ i: Int, in table: TranslationTable?) -> Int32 {
    guard let table else { return ids[i] }
    return keyBytes.withUnsafeBytes { table.wordID(UnsafeRawBufferPointer(rebasing: $0[keyRanges[i]])) }
  }

  /// The longest source of `table` starting at token `i`: its length in tokens and its list.
  private func match(_ table: TranslationTable, at i: Int, ids other: TranslationTable?) -> (Int, Int32)? {
    let first = id(i, in: other)
    guard first >= 0 else { return nil }
    let longest = Int(table.longestPhrase[Int(first)])
    if longest > 1 {
      // The run of known words that a phrase could cover.
      var end = i + 1
      if other == nil {
        while end < tokenRanges.count, end - i < longest, !breaks[end], ids[end] >= 0 { end += 1 }
      } else {
        otherIDs.removeAll(keepingCapacity: true)
        otherIDs.append(first)
        while end < tokenRanges.count, end - i < longest, !breaks[end] {
          let next = id(end, in: other)
          guard next >= 0 else { break }
          otherIDs.append(next)
          end += 1
        }
      }
      var length = end - i
      while length > 1 {
        let list =
          other == nil
          ? ids.withUnsafeBufferPointer { table.list(for: UnsafeBufferPointer(rebasing: $0[i..<(i + length)]), scratch: &scratch) }
          : otherIDs.withUnsafeBufferPointer { table.list(for: UnsafeBufferPointer(rebasing: $0[0..<length]), scratch: &scratch) }
        if list >= 0 { return (length, list) }
        length -= 1
      }
    }
    let single = table.singles[Int(first)]
    return single >= 0 ? (1, single) : nil
  }

  /// The casing of a run of tokens: the first word's, or upper when every word is upper.
  private func casing(_ tokens: Range<Int>) -> WordCasing {
    let first = casings[tokens.lowerBound]
    guard tokens.count > 1, first == .upper || first == .title else { return first }
    var allUpper = true
    var letters = 0
    for k in tokens where isWord[k] {
      letters += 1
      if casings[k] != .upper && !(casings[k] == .title && tokenRanges[k].count == 1) { allUpper = false }
    }
    return allUpper && letters > 1 ? .upper : first
  }

  /// Picks one candidate of a list.
  private func choose(_ table: TranslationTable, _ list: Int32) -> Int32 {
    guard options.choice == .sample else { return table.best[Int(list)] }
    let candidates = table.lists[Int(list)]
    guard candidates.count > 1 else { return candidates[0].translation }
    let scored = candidates.allSatisfy { ($0.score ?? 0) > 0 }
    let weights = candidates.map { scored ? ($0.score ?? 0) : Double($0.count) }
    let total = weights.reduce(0, +)
    var draw = random.unitDouble() * total
    for (k, weight) in weights.enumerated() {
      draw -= weight
      if draw < 0 { return candidates[k].translation }
    }
    return candidates[candidates.count - 1].translation
  }

  /// Writes the chosen translation of a run of tokens.
  private func emit(_ tokens: Range<Int>, table: TranslationTable, list: Int32) {
    let translation = choose(table, list)
    let start = output.count
    output.append(contentsOf: table.textBytes(translation, casing: casing(tokens)))
    pieces.append(Piece(tokens: tokens, kind: .translated, text: start..<output.count))
    summary.replacements += 1
    if tokens.count > 1 { summary.phraseReplacements += 1 }
    for k in tokens where isWord[k] {
      if k != tokens.lowerBound { summary.wordTokens += 1 }
      summary.translatedTokens += 1
      tallyType(k, translated: true)
    }
  }

  /// The candidate list of a lemma (words looked up one by one), cached.
  private func lemmaList(_ lemma: String) -> Int32 {
    if let known = lemmaLists[lemma] { return known }
    let table = tables[0]
    var ids: [Int32] = []
    for part in lemma.split(separator: " ") {
      var key: [UInt8] = []
      var text = String(part)
      text.withUTF8 { table.folder.appendKey(of: $0, to: &key) }
      ids.append(key.withUnsafeBytes { table.wordID($0) })
    }
    let list = ids.contains(where: { $0 < 0 }) || ids.isEmpty ? -1 : ids.withUnsafeBufferPointer { table.list(for: $0, scratch: &scratch) }
    if lemmaLists.count < 1 << 16 { lemmaLists[lemma] = list }
    return list
  }

  /// Morphology-aware translation of token `i`: analyse, translate the
  /// lemma, inflect it. Returns `false` when the word has no analysis with a
  /// translatable lemma (it is then translated plainly, if it can be).
  private func translateMorphologically(_ i: Int) -> Bool {
    guard let morphology,
      let analyses = keyBytes.withUnsafeBytes({ morphology.analyses(ofKey: UnsafeRawBufferPointer(rebasing: $0[keyRanges[i]])) })
    else { return false }
    let table = tables[0]
    var firstTranslatable: (MorphologyTables.Analysis, Int32)?
    for analysis in analyses {
      let list = lemmaList(analysis.lemma)
      guard list >= 0 else { continue }
      let candidate = choose(table, list)
      if firstTranslatable == nil {
        firstTranslatable = (analysis, candidate)
        summary.analysedWords += 1
      }
      let targetLemma = String(decoding: table.textBytes(candidate, casing: .lower), as: UTF8.self)
      var form = morphology.targetForm(lemma: targetLemma, canonicalTags: analysis.canonicalTags)
      if form != nil {
        summary.inflectedFromTable += 1
      } else if let inflected = inflector?.inflect(lemma: targetLemma, tags: analysis.tags), !inflected.isEmpty {
        form = inflected
        summary.inflectedByModel += 1
      }
      if let form {
        let start = output.count
        output.append(contentsOf: table.targetFolder.apply(casings[i], to: form).utf8)
        pieces.append(Piece(tokens: i..<i + 1, kind: .translated, text: start..<output.count))
        summary.replacements += 1
        summary.translatedTokens += 1
        tallyType(i, translated: true)
        return true
      }
    }
    guard let (_, candidate) = firstTranslatable else { return false }
    summary.plainFallbacks += 1
    // The word's own translation if the lexicon has one, else its lemma's.
    if match(table, at: i, ids: nil) != nil { return false }
    let start = output.count
    output.append(contentsOf: table.textBytes(candidate, casing: casings[i]))
    pieces.append(Piece(tokens: i..<i + 1, kind: .translated, text: start..<output.count))
    summary.replacements += 1
    summary.translatedTokens += 1
    tallyType(i, translated: true)
    return true
  }
}
