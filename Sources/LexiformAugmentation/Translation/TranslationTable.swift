import LexiformCore
import LexiformTokenization

/// A bilingual lexicon compiled for word-by-word translation: every source
/// word and multiword headword (as a sequence of tokens) maps to its
/// candidate translations, best first.
///
/// Keys are words folded by a ``KeyFolder`` (locale-aware case folding, NFC),
/// so lookup ignores case; multiword headwords are split by the same
/// ``LexiformTokenization/Tokenizer`` as the text, so that `ice cream`,
/// `New York` or `rock 'n' roll` match the tokens they cover.
///
/// Candidates of one source are ranked by score (highest first; a pair
/// without a score counts as 0 when others have one), then by how often the
/// pair occurs across entries, senses and lexicons, then by first occurrence.
///
/// Immutable once built, so threads share one table.
///
/// - Complexity: a lookup is O(key length) expected and allocates nothing.
public final class TranslationTable: @unchecked Sendable {
  /// One candidate translation of a source.
  public struct Candidate: Hashable, Sendable {
    /// The translation's number (see ``text(_:casing:)``).
    public var translation: Int32
    /// The highest score seen for the pair, if any had one.
    public var score: Double?
    /// How many times the pair occurs.
    public var count: Int
  }

  /// The target language, if the lexicon or the caller says.
  public let language: String?
  /// A name for the table in reports: the lexicon's file name.
  public let name: String
  /// How source words are folded to keys.
  public let folder: KeyFolder
  /// How translations are cased (the target language's rules).
  public let targetFolder: KeyFolder
  /// Distinct sources (words and phrases) with at least one translation.
  public let sourceCount: Int
  /// Sources of more than one token.
  public let phraseCount: Int
  /// Distinct (source, translation) pairs.
  public let pairCount: Int

  let words: ByteKeyTable
  /// Word id → candidate list, or −1.
  let singles: UnsafeMutableBufferPointer<Int32>
  /// Word id → tokens in the longest phrase that starts with it (1 when none).
  let longestPhrase: UnsafeMutableBufferPointer<UInt8>
  /// Word ids as 4-byte little-endian values → candidate list (phrases of
  /// four or more words, or with ids too large to pack).
  let phrases: ByteKeyTable
  /// Two- and three-word phrases → candidate list.
  let packedPhrases: PackedPhraseTable
  let lists: [[Candidate]]
  /// List → its best candidate's translation.
  let best: UnsafeMutableBufferPointer<Int32>
  /// The texts of every translation in each ``WordCasing``, one after the other.
  let textArena: UnsafeMutableBufferPointer<UInt8>
  /// Translation *t*, casing *c* occupies `textOffsets[4t + c] ..< textOffsets[4t + c + 1]`.
  let textOffsets: UnsafeMutableBufferPointer<Int>
  /// Each word id's folded key.
  let wordKeys: [String]
  /// How many distinct words (tokens of sources) the table knows.
  public var wordCount: Int { singles.count }

  init(
    language: String?, name: String, folder: KeyFolder, targetFolder: KeyFolder, words: ByteKeyTable,
    wordKeys: [String], singles: [Int32], longestPhrase: [UInt8], phrases: ByteKeyTable,
    packedPhrases: PackedPhraseTable, lists: [[Candidate]], texts: [[[UInt8]]], phraseCount: Int
  ) {
    self.packedPhrases = packedPhrases
    self.wordKeys = wordKeys
    self.language = language
    self.name = name
    self.folder = folder
    self.targetFolder = targetFolder
    self.words = words
    self.singles = .allocate(capacity: singles.count)
    _ = self.singles.initialize(from: singles)
    self.longestPhrase = .allocate(capacity: longestPhrase.count)
    _ = self.longestPhrase.initialize(from: longestPhrase)
    self.phrases = phrases
    self.lists = lists
    self.best = .allocate(capacity: lists.count)
    _ = self.best.initialize(from: lists.map { $0.first?.translation ?? 0 })
    let totalBytes = texts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
    textArena = .allocate(capacity: max(1, totalBytes))
    textOffsets = .allocate(capacity: texts.count * 4 + 1)
    var offset = 0
    for (t, variants) in texts.enumerated() {
      for c in 0..<4 {
        textOffsets[4 * t + c] = offset
        let variant = variants[c]
        for (k, byte) in variant.enumerated() { textArena[offset + k] = byte }
        offset += variant.count
      }
    }
    textOffsets[texts.count * 4] = offset
    self.sourceCount = lists.count
    self.phraseCount = phraseCount
    self.pairCount = lists.reduce(0) { $0 + $1.count }
  }

  deinit {
    singles.deallocate()
    longestPhrase.deallocate()
    best.deallocate()
    textArena.deallocate()
    textOffsets.deallocate()
  }

  /// The word id of a folded key, or −1.
  @inline(__always)
  func wordID(_ key: UnsafeRawBufferPointer) -> Int32 {
    Int32(truncatingIfNeeded: words.value(for: key) ?? -1)
  }

  /// The candidate list for a sequence of word ids, or −1.
  func list(for ids: UnsafeBufferPointer<Int32>, scratch: inout [UInt8]) -> Int32 {
    if ids.count == 1 {
      let id = Int(ids[0])
      return id >= 0 && id < singles.count ? singles[id] : -1
    }
    if ids.count <= 3, let key = PackedPhraseTable.key(ids[0], ids[1], ids.count == 3 ? ids[2] : nil) {
      return packedPhrases.value(key)
    }
    guard Self.phraseKey(ids, into: &scratch) else { return -1 }
    return scratch.withUnsafeBytes { Int32(truncatingIfNeeded: phrases.value(for: $0) ?? -1) }
  }

  /// Writes the key of a sequence of word ids (4 little-endian bytes each) into `key`.
  /// - Returns: `false` when an id is −1 (a word not in the table).
  static func phraseKey(_ ids: some Sequence<Int32>, into key: inout [UInt8]) -> Bool {
    key.removeAll(keepingCapacity: true)
    for id in ids {
      guard id >= 0 else { return false }
      withUnsafeBytes(of: UInt32(bitPattern: id).littleEndian) { key.append(contentsOf: $0) }
    }
    return true
  }

  /// A translation's text cased as `casing` says.
  /// - Parameters:
  ///   - translation: A candidate's ``Candidate/translation``.
  ///   - casing: The source's casing.
  /// - Returns: The UTF-8 text (words separated by single spaces).
  public func text(_ translation: Int32, casing: WordCasing) -> [UInt8] {
    Array(textBytes(translation, casing: casing))
  }

  /// A translation's text cased as `casing` says, without copying: valid while the table lives.
  @inline(__always)
  func textBytes(_ translation: Int32, casing: WordCasing) -> UnsafeBufferPointer<UInt8> {
    let k = 4 * Int(translation) + Int(casing.rawValue)
    let start = textOffsets[k]
    return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(textArena)[start..<textOffsets[k + 1]])
  }

  /// The candidates for a word or phrase, best first.
  /// - Parameters:
  ///   - source: The word or phrase, any case.
  ///   - tokenizer: Splits a phrase into tokens as the table's builder did.
  /// - Returns: The candidates; empty when the source is not in the table.
  public func candidates(for source: String, tokenizer: Tokenizer) -> [Candidate] {
    let index = listIndex(for: source, tokenizer: tokenizer)
    return index >= 0 ? lists[Int(index)] : []
  }

  /// The candidate list number of a word or phrase, or −1.
  func listIndex(for source: String, tokenizer: Tokenizer) -> Int32 {
    let parts = TranslationTableBuilder.tokenKeys(source, tokenizer: tokenizer, folder: folder)
    var ids: [Int32] = []
    for part in parts {
      let id = part.withUnsafeBytes { wordID($0) }
      guard id >= 0 else { return -1 }
      ids.append(id)
    }
    guard !ids.isEmpty else { return -1 }
    var scratch: [UInt8] = []
    return ids.withUnsafeBufferPointer { list(for: $0, scratch: &scratch) }
  }

  /// The translations of a word or phrase as text, best first.
  /// - Parameters:
  ///   - source: The word or phrase, any case.
  ///   - tokenizer: Splits a phrase into tokens as the table's builder did.
  /// - Returns: The translations as the lexicon writes them.
  public func translations(of source: String, tokenizer: Tokenizer) -> [String] {
    candidates(for: source, tokenizer: tokenizer).map {
      String(decoding: text($0.translation, casing: .lower), as: UTF8.self)
    }
  }
}

/// Collects (source, translation, score) pairs into a ``TranslationTable``.
///
/// Memory holds every pair; a 100,000-entry lexicon takes a few tens of MB.
public final class TranslationTableBuilder {
  private let tokenizer: Tokenizer
  private let folder: KeyFolder
  private let targetFolder: KeyFolder
  private let words = ByteKeyTable(capacity: 1 << 16)
  /// Multiword sources → their list.
  private var sources: [[Int32]: Int32] = [:]
  /// Word id → the list of the word as a source on its own, or −1.
  private var singleLists: [Int32] = []
  private var lists: [[TranslationTable.Candidate]] = []
  private var translationIDs: [String: Int32] = [:]
  private var translationTexts: [String] = []
  private var wordKeys: [String] = []

  /// Creates an empty builder.
  /// - Parameters:
  ///   - tokenizer: Splits multiword sources into tokens; use the same
  ///     options as for the text to translate.
  ///   - sourceLocale: The source language, for case folding.
  ///   - targetLocale: The target language, for casing translations.
  public init(tokenizer: Tokenizer, sourceLocale: String, targetLocale: String) {
    self.tokenizer = tokenizer
    self.folder = KeyFolder(locale: sourceLocale)
    self.targetFolder = KeyFolder(locale: targetLocale)
  }

  /// The folded keys of the tokens of `text`.
  static func tokenKeys(_ text: String, tokenizer: Tokenizer, folder: KeyFolder) -> [[UInt8]] {
    // A plain ASCII word is one token whatever the profile: skip the tokenizer.
    var copy = text
    let plain = copy.withUTF8 { bytes in
      !bytes.isEmpty && bytes.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }
    if plain {
      var key: [UInt8] = []
      copy.withUTF8 { folder.appendKey(of: $0, to: &key) }
      return [key]
    }
    guard let tokens = try? tokenizer.tokens(in: text) else { return [] }
    return tokens.map { token in
      var key: [UInt8] = []
      var copy = token.text
      copy.withUTF8 { folder.appendKey(of: $0, to: &key) }
      return key
    }
  }

  /// Adds a pair.
  /// - Parameters:
  ///   - source: The source word or phrase.
  ///   - translation: Its translation (whitespace runs become one space).
  ///   - score: The pair's score, if the lexicon gives one.
  /// - Returns: `false` when the source has no token or the translation is empty.
  @discardableResult
  public func add(source: String, translation: String, score: Double? = nil) -> Bool {
    let target = translation.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !target.isEmpty else { return false }
    let keys = Self.tokenKeys(source, tokenizer: tokenizer, folder: folder)
    guard !keys.isEmpty, keys.count <= 255 else { return false }
    let ids = keys.map { key -> Int32 in
      key.withUnsafeBytes { bytes in
        let next = words.count
        if let known = words.insert(bytes, value: next) { return Int32(truncatingIfNeeded: known) }
        wordKeys.append(String(decoding: bytes, as: UTF8.self))
        singleLists.append(-1)
        return Int32(truncatingIfNeeded: next)
      }
    }
    let list: Int32
    if ids.count == 1, singleLists[Int(ids[0])] >= 0 {
      list = singleLists[Int(ids[0])]
    } else if ids.count > 1, let known = sources[ids] {
      list = known
    } else {
      list = Int32(lists.count)
      if ids.count == 1 { singleLists[Int(ids[0])] = list } else { sources[ids] = list }
      lists.append([])
    }
    let translationID: Int32
    if let known = translationIDs[target] {
      translationID = known
    } else {
      translationID = Int32(translationTexts.count)
      translationIDs[target] = translationID
      translationTexts.append(target)
    }
    let l = Int(list)
    // Lists are short: a scan beats a dictionary per list.
    if let position = lists[l].firstIndex(where: { $0.translation == translationID }) {
      lists[l][position].count += 1
      if let score { lists[l][position].score = max(lists[l][position].score ?? score, score) }
    } else {
      lists[l].append(TranslationTable.Candidate(translation: translationID, score: score, count: 1))
    }
    return true
  }

  /// Builds the table; the builder is spent.
  /// - Parameters:
  ///   - language: The target language, if known.
  ///   - name: A name for reports.
  /// - Returns: The table.
  public func build(language: String?, name: String) -> TranslationTable {
    let wordCount = words.count
    let singles = singleLists
    var longest = [UInt8](repeating: 1, count: wordCount)
    let phrases = ByteKeyTable(capacity: 16)
    let packed = PackedPhraseTable(capacity: max(16, sources.count))
    var phraseCount = 0
    var scratch: [UInt8] = []
    for (ids, list) in sources {
      phraseCount += 1
      longest[Int(ids[0])] = max(longest[Int(ids[0])], UInt8(ids.count))
      if ids.count <= 3, let key = PackedPhraseTable.key(ids[0], ids[1], ids.count == 3 ? ids[2] : nil) {
        packed.insert(key, list)
        continue
      }
      _ = TranslationTable.phraseKey(ids, into: &scratch)
      scratch.withUnsafeBytes { _ = phrases.insert($0, value: Int(list)) }
    }
    let ranked = lists.map { list -> [TranslationTable.Candidate] in
      guard list.count > 1 else { return list }
      let anyScore = list.contains { $0.score != nil }
      return list.enumerated().sorted { a, b in
        if anyScore, (a.element.score ?? 0) != (b.element.score ?? 0) {
          return (a.element.score ?? 0) > (b.element.score ?? 0)
        }
        if a.element.count != b.element.count { return a.element.count > b.element.count }
        return a.offset < b.offset
      }.map(\.element)
    }
    let texts = translationTexts.map { text in
      WordCasing.allCases.map { Array(targetFolder.apply($0, to: text).utf8) }
    }
    return TranslationTable(
      language: language, name: name, folder: folder, targetFolder: targetFolder, words: words, wordKeys: wordKeys,
      singles: singles,
      longestPhrase: longest, phrases: phrases, packedPhrases: packed, lists: ranked, texts: texts, phraseCount: phraseCount)
  }
}
