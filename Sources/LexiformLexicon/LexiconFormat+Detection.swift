public import LexiformCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LexiconFormat {
  /// The format a file name implies (`.gz` ignored), or `nil`.
  /// - Parameter path: A file name or path.
  /// - Returns: `.apertium` for `.dix`, `.tei` for `.tei`/`.xml` with TEI in
  ///   the name, `.lift`, `.dictd` for `.index`/`.dict`/`.dict.dz`, `.jsonl`,
  ///   `.tsv` for `.tsv`/`.txt`; `nil` when the name does not tell.
  public static func fromExtension(_ path: String) -> LexiconFormat? {
    var name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    if name.hasSuffix(".dict.dz") || name.hasSuffix(".dict") || name.hasSuffix(".index") { return .dictd }
    if name.hasSuffix(".gz") { name.removeLast(3) }
    switch name.split(separator: ".").last ?? "" {
    case "dix": return .apertium
    case "tei": return .tei
    case "lift": return .lift
    case "jsonl", "ndjson": return .jsonl
    case "tsv", "txt", "tab": return .tsv
    default: return nil
    }
  }

  /// Recognizes a format from the first bytes of a file: the root element
  /// of XML (`<dictionary>`, `<TEI>`, `<lift>`), the keys of a JSON line
  /// (wiktextract's `word` and `senses`, or Lexiform's `headword`), or a
  /// tab-separated first line.
  /// - Parameter prefix: The first few kilobytes of the file (decompressed).
  /// - Returns: The format, or `nil` when the bytes do not tell.
  public static func sniff(_ prefix: [UInt8]) -> LexiconFormat? {
    let text = String(decoding: prefix, as: UTF8.self)
    let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.hasPrefix("<") {
      // The first start tag that is not a declaration, comment or PI.
      var rest = Substring(trimmed)
      while let open = rest.firstIndex(of: "<") {
        rest = rest[rest.index(after: open)...]
        guard let first = rest.first else { break }
        if first == "?" || first == "!" { continue }
        let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        switch name.split(separator: ":").last.map(String.init) ?? "" {
        case "dictionary": return .apertium
        case "TEI", "TEI.2": return .tei
        case "lift": return .lift
        default: return nil
        }
      }
      return nil
    }
    if trimmed.hasPrefix("{") {
      let line = trimmed.prefix { $0 != "\n" }
      if line.contains("\"headword\"") || line.hasPrefix("{\"header\"") { return .jsonl }
      if line.contains("\"word\"") { return .kaikki }
      return nil
    }
    if let line = trimmed.split(separator: "\n", omittingEmptySubsequences: true).first(where: { !$0.hasPrefix("#") }),
      line.contains("\t") || line.split(separator: " ").count == 2
    {
      return .tsv
    }
    return nil
  }

  /// Decides the format of a file: `explicit` when given, else its content,
  /// else its extension.
  ///
  /// Standard input (`-`) and other inputs that are not regular files
  /// (named pipes, `<(…)`) cannot be looked at without consuming what the
  /// reader needs: their format comes from `explicit` or the extension only.
  /// - Parameters:
  ///   - path: The file.
  ///   - explicit: The format the user named (`--from`), if any.
  /// - Returns: The format.
  /// - Throws: ``LexiconError`` (`unknownFormat`) when nothing tells, or
  ///   (`io`) when the file cannot be read.
  public static func detect(path: String, explicit: LexiconFormat? = nil) throws(LexiconError) -> LexiconFormat {
    if let explicit { return explicit }
    if let byName = fromExtension(path), byName == .dictd { return .dictd }
    var info = stat()
    if path == "-" || (stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR) {
      if let byName = fromExtension(path) { return byName }
      let what = path == "-" ? "standard input" : "a stream (not a regular file)"
      throw LexiconError(
        .unknownFormat, at: SourceLocation(path: path == "-" ? "<stdin>" : path),
        "the format of \(what) cannot be detected without consuming it; name the format with --from")
    }
    var prefix: [UInt8] = []
    do {
      let source = try Input.open(path)
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
      defer { buffer.deallocate() }
      while prefix.count < 4096 {
        let n = try source.read(into: buffer)
        if n == 0 { break }
        prefix += buffer[0..<n]
      }
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
    if let found = sniff(prefix) ?? fromExtension(path) { return found }
    throw LexiconError(
      .unknownFormat, at: SourceLocation(path: path),
      "expected a lexicon in a known format (\(allCases.map(\.rawValue).joined(separator: ", "))), found neither a known extension nor known content; name the format with --from"
    )
  }
}

/// Opens lexicon files in any format.
public enum Lexicon {
  /// Opens a reader for a lexicon file.
  /// - Parameters:
  ///   - path: The file (`-` for standard input where the format streams).
  ///   - format: The format, or `nil` to detect it (see
  ///     ``LexiconFormat/detect(path:explicit:)``).
  ///   - options: Languages and lenient mode.
  ///   - tsvOptions: How a TSV file is read (separator, header, grouping of
  ///     consecutive lines with the same headword into one entry).
  /// - Returns: A streaming reader.
  /// - Throws: ``LexiconError`` when the file cannot be opened or its format
  ///   recognized.
  public static func open(
    _ path: String, format: LexiconFormat? = nil, options: LexiconReaderOptions = LexiconReaderOptions(),
    tsvOptions: TSVReaderOptions = TSVReaderOptions()
  ) throws(LexiconError) -> any LexiconReader {
    let format = try LexiconFormat.detect(path: path, explicit: format)
    switch format {
    case .apertium: return try ApertiumDixReader(path: path, options: options)
    case .tei: return try FreeDictTEIReader(path: path, options: options)
    case .lift: return try LIFTReader(path: path, options: options)
    case .jsonl: return try JSONLinesReader(path: path, options: options)
    case .tsv: return try TSVReader(path: path, options: options, tsvOptions: tsvOptions)
    case .dictd: return try DictdReader(path: path, options: options)
    case .kaikki: return try KaikkiReader(path: path, options: options)
    }
  }
}
