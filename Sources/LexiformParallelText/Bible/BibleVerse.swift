public import LexiformCore

/// One verse of one Bible translation.
public struct BibleVerse: Hashable, Sendable {
  /// The verse's id as the file writes it (`b.MAT.1.1`; `vref.txt` ids are
  /// written in the same form).
  public var id: String
  /// The parsed reference.
  public var reference: VerseID
  /// The text, whitespace as in the file (empty for an empty verse).
  public var text: String
  /// Where the verse is.
  public var location: SourceLocation

  /// Creates a verse.
  public init(id: String, reference: VerseID, text: String, location: SourceLocation) {
    self.id = id
    self.reference = reference
    self.text = text
    self.location = location
  }
}

/// A streaming reader of one Bible translation's verses.
public protocol BibleVerseReader: AnyObject {
  /// The file named in reports.
  var path: String { get }
  /// The translation's language, if the file says (or the caller gave it).
  var language: String? { get }
  /// Bad verses skipped in lenient mode.
  var skipped: SkipCounter { get }
  /// What the reader noticed without failing: empty verses, verse numbers
  /// left out (merged into a neighbour), each with its first locations.
  var notices: SkipCounter { get }
  /// Reads the next verse.
  /// - Returns: The verse, or `nil` at the end.
  /// - Throws: ``ParallelTextError`` for a malformed or duplicate verse id
  ///   (strict mode) or unreadable input.
  func next() throws(ParallelTextError) -> BibleVerse?
}

/// Notices shared by the Bible readers.
enum BibleNotice {
  static let empty = "empty verses"
  static let gap = "verse numbers left out (merged into the verse before, or missing)"
  static let range = "verses marked <range> (merged into the verse before)"

  /// Notes a gap in verse numbering between `previous` and `current`.
  static func checkGap(previous: VerseID?, current: VerseID, at location: SourceLocation, into notices: inout SkipCounter)
  {
    guard let previous, previous.book == current.book, previous.chapter == current.chapter,
      current.verse > previous.verse + 1
    else { return }
    for _ in (previous.verse + 1)..<current.verse {
      notices.record(reason: gap, at: location)
    }
  }
}
