public import LexiformCore

/// Reads a Bible translation from the eBible corpus
/// (https://github.com/BibleNLP/ebible): a text file with one verse per line,
/// line *i* being the verse that line *i* of `vref.txt` names (`GEN 1:1`).
///
/// - A blank line is a verse the translation does not have: it is not
///   returned, and is counted in ``notices``.
/// - A line `<range>` marks a verse merged into the one before it: not
///   returned, counted in ``notices``.
/// - A `vref.txt` line that is not `BOOK CHAPTER:VERSE` is an error naming
///   it (lenient: skipped and counted); files of different lengths are an
///   error naming both and the line where they diverge.
/// - Ids are written in the CES form, `b.GEN.1.1`.
///
/// - Complexity: O(*n*); memory O(longest line).
public final class VrefReader: BibleVerseReader {
  public let path: String
  /// The verse list.
  public let vrefPath: String
  public let language: String?
  public private(set) var skipped = SkipCounter()
  public private(set) var notices = SkipCounter()
  private let text: LineReader
  private let vref: LineReader
  private let lenient: Bool

  /// Opens a verse-per-line text and its verse list.
  /// - Parameters:
  ///   - path: The translation, one verse per line.
  ///   - vrefPath: The `vref.txt` list.
  ///   - language: The translation's language, if known.
  ///   - lenient: Whether bad lines are skipped and counted.
  /// - Throws: ``ParallelTextError`` (`io`) when a file cannot be opened.
  public init(path: String, vrefPath: String, language: String? = nil, lenient: Bool = false) throws(ParallelTextError)
  {
    self.path = path
    self.vrefPath = vrefPath
    self.language = language
    self.lenient = lenient
    do {
      text = try LineReader(path: path, options: LineReaderOptions(lenient: lenient))
      vref = try LineReader(path: vrefPath, options: LineReaderOptions(lenient: lenient))
    } catch {
      throw ParallelTextError(.io, at: error.location, error.message, underlyingError: error)
    }
  }

  public func next() throws(ParallelTextError) -> BibleVerse? {
    while true {
      let line: String?
      let reference: String?
      do {
        line = try text.nextLine()
        reference = try vref.nextLine()
      } catch {
        throw ParallelTextError(.malformed, at: error.location, error.message, underlyingError: error)
      }
      switch (line, reference) {
      case (nil, nil):
        return nil
      case (.some, nil):
        throw ParallelTextError(
          .misaligned, at: text.location,
          expectedFound("as many lines as \(vrefPath) (\(vref.lineNumber))", "more")
            + ": \(vrefPath) ends after line \(vref.lineNumber)")
      case (nil, .some):
        throw ParallelTextError(
          .misaligned, at: vref.location,
          expectedFound("as many lines as \(path) (\(text.lineNumber))", "more")
            + ": \(path) ends after line \(text.lineNumber)")
      case (.some(let line), .some(let reference)):
        let trimmed = normalizeWhitespace(reference)
        guard let id = VerseID(vref: trimmed) else {
          let location = vref.location
          guard lenient else {
            throw ParallelTextError(
              .malformed, at: location, expectedFound("a verse reference BOOK CHAPTER:VERSE", "\"\(reference)\""))
          }
          skipped.record(reason: "malformed verse references", at: location)
          continue
        }
        let location = text.location
        let content = normalizeWhitespace(line)
        if content.isEmpty {
          notices.record(reason: BibleNotice.empty, at: location)
          continue
        }
        if content == "<range>" {
          notices.record(reason: BibleNotice.range, at: location)
          continue
        }
        return BibleVerse(id: id.description, reference: id, text: line, location: location)
      }
    }
  }
}
