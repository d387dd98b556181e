public import LexiformCore

/// Reads a Moses-style parallel corpus: two plain-text files (or more), line
/// *i* of each being a translation of line *i* of the others.
///
/// The files are read side by side, one line at a time (gzip and `-` work as
/// for every Lexiform input). Files that end at different lines are an error
/// that names every file and the line where they diverge:
///
///     corpus.de:101: error: expected as many lines as corpus.en (100), found more: corpus.en ends after line 100
///
/// This is not skipped in lenient mode: once the counts differ, the files'
/// alignment cannot be trusted.
///
/// - Complexity: O(*n*) in the files' bytes; memory O(longest line).
public final class MosesReader: ParallelReader {
  /// The files, in side order.
  public let paths: [String]
  public let languages: [String]
  public private(set) var skipped = SkipCounter()
  private let readers: [LineReader]
  private var finished = false

  /// Opens the files.
  /// - Parameters:
  ///   - paths: Two or more files (gzip-compressed or not); `-` reads one
  ///     of them from standard input.
  ///   - languages: The language of each file; by default the files'
  ///     extensions (`corpus.en` → `en`) when they look like language codes.
  ///   - options: Lenient mode repairs invalid UTF-8 (counting it).
  /// - Throws: ``ParallelTextError`` (`io`) when a file cannot be opened.
  public init(paths: [String], languages: [String]? = nil, options: ParallelReaderOptions = ParallelReaderOptions())
    throws(ParallelTextError)
  {
    self.paths = paths
    self.languages = languages ?? paths.map(MosesReader.languageFromExtension)
    var readers: [LineReader] = []
    for path in paths {
      do {
        readers.append(try LineReader(path: path, options: LineReaderOptions(lenient: options.lenient)))
      } catch {
        throw ParallelTextError(.io, at: error.location, error.message, underlyingError: error)
      }
    }
    self.readers = readers
  }

  /// The language a Moses file's extension names (`train.de.gz` → `de`),
  /// or an empty string when the extension is not 2–3 letters (or a tag
  /// like `pt-BR`).
  /// - Parameter path: A file path.
  /// - Returns: The language code, or `""`.
  public static func languageFromExtension(_ path: String) -> String {
    var name = Substring(path.split(separator: "/").last ?? "")
    if name.hasSuffix(".gz") { name = name.dropLast(3) }
    guard let dot = name.lastIndex(of: ".") else { return "" }
    let ext = name[name.index(after: dot)...]
    let parts = ext.split(whereSeparator: { $0 == "-" || $0 == "_" })
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
      !["txt", "tsv", "xml", "tmx"].contains(first.lowercased())
    else { return "" }
    return String(ext)
  }

  public func next() throws(ParallelTextError) -> ParallelSegment? {
    guard !finished else { return nil }
    var texts: [String?] = []
    texts.reserveCapacity(readers.count)
    for reader in readers {
      do {
        texts.append(try reader.nextLine())
      } catch {
        throw ParallelTextError(.malformed, at: error.location, error.message, underlyingError: error)
      }
    }
    let ended = texts.indices.filter { texts[$0] == nil }
    if ended.count == readers.count {
      finished = true
      return nil
    }
    if !ended.isEmpty {
      finished = true
      let short = ended[0]
      let long = texts.indices.first { texts[$0] != nil } ?? 0
      let lines = readers[short].lineNumber
      throw ParallelTextError(
        .misaligned, at: SourceLocation(path: readers[long].path, line: readers[long].lineNumber),
        expectedFound("as many lines as \(readers[short].path) (\(lines))", "more")
          + ": \(readers[short].path) ends after line \(lines)")
    }
    return ParallelSegment(
      texts: texts.map { $0 ?? "" }, languages: languages,
      location: readers.first.map { SourceLocation(path: $0.path, line: $0.lineNumber) })
  }
}
