public import LexiformCore

/// Reads tab-separated parallel text: `SRC<TAB>TGT`, or
/// `ID<TAB>TEXT1<TAB>TEXT2…` as `lexiform parallel align` writes it.
///
/// - With ``ParallelTSVReader/IDColumn/automatic`` (the default) a file whose
///   first line has two columns has no ids, and one with three or more has
///   an id in its first column.
/// - Every line must have the first line's number of columns; otherwise
///   `pairs.tsv:7:12: error: expected 2 columns, found 3` (lenient: skipped
///   and counted).
///
/// - Complexity: O(*n*); memory O(longest line).
public final class ParallelTSVReader: ParallelReader {
  /// Whether the first column holds ids.
  public enum IDColumn: String, Sendable, CaseIterable {
    /// Two columns: no ids; three or more: ids in the first.
    case automatic
    /// No column holds ids.
    case none
    /// The first column holds ids.
    case first
  }

  /// The file read.
  public let path: String
  public private(set) var languages: [String]
  public private(set) var skipped = SkipCounter()
  /// The number of columns per line (from the first line), 0 before it.
  public private(set) var columnCount = 0
  /// Whether the first column holds ids (decided at the first line).
  public private(set) var hasIDs = false
  private let idColumn: IDColumn
  private let reader: LineReader
  private let lenient: Bool

  /// Opens a TSV file (gzip or `-` for standard input).
  /// - Parameters:
  ///   - path: The file.
  ///   - idColumn: Whether the first column holds ids.
  ///   - languages: The languages of the text columns, if known.
  ///   - options: Lenient mode.
  /// - Throws: ``ParallelTextError`` (`io`) when the file cannot be opened.
  public init(
    path: String, idColumn: IDColumn = .automatic, languages: [String] = [],
    options: ParallelReaderOptions = ParallelReaderOptions()
  ) throws(ParallelTextError) {
    self.path = path
    self.idColumn = idColumn
    self.languages = languages
    self.lenient = options.lenient
    do {
      reader = try LineReader(path: path, options: LineReaderOptions(lenient: options.lenient))
    } catch {
      throw ParallelTextError(.io, at: error.location, error.message, underlyingError: error)
    }
  }

  /// The location of the line last read.
  public var location: SourceLocation { SourceLocation(path: path, line: reader.lineNumber) }

  /// Reads the next line split into its columns, checking the column count.
  /// - Returns: The columns, or `nil` at the end.
  /// - Throws: ``ParallelTextError`` for a wrong column count (strict mode).
  public func nextColumns() throws(ParallelTextError) -> [Substring]? {
    while true {
      let line: String?
      do {
        line = try reader.nextLine()
      } catch {
        if lenient {
          skipped.record(reason: "unreadable line", at: error.location ?? location)
          continue
        }
        throw ParallelTextError(.malformed, at: error.location, error.message, underlyingError: error)
      }
      guard let line else { return nil }
      let columns = splitOnTabs(line)
      if columnCount == 0 {
        guard columns.count >= 2 else {
          let problem = ParallelTextError(
            .malformed, at: location, expectedFound("at least 2 tab-separated columns", "\(columns.count)"))
          if lenient {
            skipped.record(reason: "lines with too few columns", at: location)
            continue
          }
          throw problem
        }
        columnCount = columns.count
        switch idColumn {
        case .automatic: hasIDs = columns.count >= 3
        case .none: hasIDs = false
        case .first: hasIDs = true
        }
        let sides = columnCount - (hasIDs ? 1 : 0)
        if languages.count != sides { languages = (0..<sides).map { $0 < languages.count ? languages[$0] : "" } }
      }
      guard columns.count == columnCount else {
        var column = 1
        if columns.count > columnCount {
          column = line[..<columns[columnCount].startIndex].unicodeScalars.count
        } else {
          column = line.unicodeScalars.count + 1
        }
        let here = SourceLocation(path: path, line: reader.lineNumber, column: column)
        if lenient {
          skipped.record(reason: "lines with a wrong number of columns", at: here)
          continue
        }
        throw ParallelTextError(.malformed, at: here, expectedFound("\(columnCount) columns", "\(columns.count)"))
      }
      return columns
    }
  }

  public func next() throws(ParallelTextError) -> ParallelSegment? {
    guard let columns = try nextColumns() else { return nil }
    let texts = (hasIDs ? columns.dropFirst() : columns[...]).map(String.init)
    return ParallelSegment(
      id: hasIDs ? String(columns[0]) : nil, texts: texts, languages: languages, location: location)
  }
}

/// The tab-separated columns of `line`, found on its UTF-8 bytes (a tab is
/// ASCII, so every cut is on a character boundary) rather than by walking
/// grapheme clusters.
/// - Parameter line: One line, without its terminator.
/// - Returns: The columns, empty ones included.
/// - Complexity: O(*n*) in the line's bytes.
func splitOnTabs(_ line: String) -> [Substring] {
  var columns: [Substring] = []
  var scanned = line
  let utf8 = line.utf8
  // Offsets into a native UTF-8 string's UTF8View are O(1) to index by.
  func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
  scanned.withUTF8 { bytes in
    var start = 0
    for i in 0..<bytes.count where bytes[i] == 0x09 {
      columns.append(line[index(start)..<index(i)])
      start = i + 1
    }
    columns.append(line[index(start)..<utf8.endIndex])
  }
  return columns
}
