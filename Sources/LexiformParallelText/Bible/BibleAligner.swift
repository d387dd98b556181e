public import LexiformCore

/// Aligns any number of Bible translations verse by verse, by verse id.
///
/// Verses align when their ``VerseID/key`` is equal, so CES files and
/// `vref.txt` texts align with each other. The output follows the first
/// translation's order. A verse is written only when every translation has
/// it with some text; every verse left out is counted by reason and file
/// (``leftOut``), and what each reader noticed (empty verses, verse numbers
/// left out because merged into a neighbour) is kept in ``notices``, so
/// nothing is silently shifted or dropped.
///
/// - Complexity: O(total verses). The first translation is streamed; the
///   others are held in memory, keyed by verse (a New Testament is about
///   8,000 verses, a whole Bible about 31,000).
public final class BibleAligner {
  /// The readers, in output order.
  public let readers: [any BibleVerseReader]
  /// Verses left out, by reason (`missing in FILE`, `empty in FILE`).
  public private(set) var leftOut = SkipCounter()
  /// What the readers noticed, by file: `FILE: empty verses`.
  public private(set) var notices = SkipCounter()
  /// The number of aligned verses returned so far.
  public private(set) var aligned = 0
  private var others: [[VerseID: BibleVerse]] = []
  private var firstKeys = Set<VerseID>()
  private var prepared = false
  private var finished = false

  /// Creates an aligner.
  /// - Parameter readers: Two or more translations.
  public init(readers: [any BibleVerseReader]) {
    self.readers = readers
  }

  /// The languages of the translations (empty strings where unknown).
  public var languages: [String] { readers.map { $0.language ?? "" } }

  /// Reads the next verse that every translation has.
  /// - Returns: The verse's texts in reader order, with the first file's id,
  ///   or `nil` at the end.
  /// - Throws: ``ParallelTextError`` from the readers.
  public func next() throws(ParallelTextError) -> ParallelSegment? {
    if !prepared { try prepare() }
    guard !finished, let first = readers.first else { return nil }
    while let verse = try first.next() {
      let key = verse.reference.key
      firstKeys.insert(key)
      var texts = [verse.text]
      var complete = !verse.text.allSatisfy(\.isWhitespace)
      if !complete { leftOut.record(reason: "empty in \(first.path)", at: verse.location) }
      for (index, table) in others.enumerated() {
        let reader = readers[index + 1]
        guard let other = table[key] else {
          leftOut.record(reason: "missing in \(reader.path)", at: verse.location)
          complete = false
          continue
        }
        if other.text.allSatisfy(\.isWhitespace) {
          leftOut.record(reason: "empty in \(reader.path)", at: other.location)
          complete = false
        }
        texts.append(other.text)
      }
      guard complete else { continue }
      aligned += 1
      return ParallelSegment(id: verse.id, texts: texts, languages: languages, location: verse.location)
    }
    finished = true
    collectNotices(first)
    // Verses the first translation does not have.
    for table in others {
      for verse in table.values.sorted(by: { $0.location.line < $1.location.line })
      where !firstKeys.contains(verse.reference.key) {
        leftOut.record(reason: "missing in \(first.path)", at: verse.location)
      }
    }
    return nil
  }

  private func prepare() throws(ParallelTextError) {
    prepared = true
    for reader in readers.dropFirst() {
      var table: [VerseID: BibleVerse] = [:]
      while let verse = try reader.next() {
        table[verse.reference.key] = verse
      }
      others.append(table)
      collectNotices(reader)
    }
  }

  private func collectNotices(_ reader: any BibleVerseReader) {
    for entry in reader.notices.reasons {
      // The reader's first locations stay the examples.
      for i in 0..<entry.count {
        let example = i < entry.examples.count ? entry.examples[i] : entry.examples.first
        notices.record(
          reason: "\(reader.path): \(entry.reason)", at: example?.sourceLocation ?? SourceLocation(path: reader.path))
      }
    }
  }
}
