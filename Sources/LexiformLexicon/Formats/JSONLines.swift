public import LexiformCore

/// Reads Lexiform's own JSON lines format: one ``LexiconEntry`` per line as
/// a JSON object (RFC 8259, via ``JSONParser``), lossless.
///
/// The members are the model's `Codable` keys (`headword`, `senses`,
/// `translations`, …), so `JSONDecoder` reads the same lines. Missing members
/// take the model's defaults (empty lists, `direction: "both"`); unknown
/// members are ignored, as `Codable` does. An optional first line
/// `{"header": {…}}` holds the ``LexiconHeader``. Blank lines are skipped.
/// Entries keep the provenance stored in the file (where the entry was
/// first read), so that reading back gives equal entries.
///
/// - Complexity: O(*n*) in the file's bytes; memory O(longest line).
public final class JSONLinesReader: LexiconReader {
  public let path: String
  public var format: LexiconFormat { .jsonl }
  public private(set) var header = LexiconHeader()
  public private(set) var skipped = SkipCounter()
  private let options: LexiconReaderOptions
  private let lines: LineReader
  /// The first line's entry, read while looking for a header.
  private var pending: LexiconEntry?

  /// Opens a JSON lines file (gzip-compressed or not; `-` for standard input)
  /// and reads its header line, if any.
  /// - Parameters:
  ///   - path: The file.
  ///   - options: Lenient mode skips lines that are not entries.
  /// - Throws: ``LexiconError`` when the file cannot be opened, or its first
  ///   line is malformed (strict mode).
  public init(path: String, options: LexiconReaderOptions = LexiconReaderOptions()) throws(LexiconError) {
    self.options = options
    do {
      self.lines = try LineReader(path: path, options: LineReaderOptions(lenient: options.lenient))
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
    self.path = lines.path
    guard let (value, line) = try nextValue() else { return }
    let decoder = _JSONLinesDecoder(location: SourceLocation(path: self.path, line: line))
    if let object = value.objectValue, object.count == 1, let headerValue = object["header"] {
      do {
        header = try decoder.header(headerValue)
      } catch {
        guard options.lenient else { throw error }
        skipped.record(reason: "malformed header line", at: decoder.location)
      }
      return
    }
    pending = try decodeOrSkip(value, decoder)
  }

  public func next() throws(LexiconError) -> LexiconEntry? {
    if let entry = pending {
      pending = nil
      return entry
    }
    while let (value, line) = try nextValue() {
      if let entry = try decodeOrSkip(value, _JSONLinesDecoder(location: SourceLocation(path: path, line: line))) {
        return entry
      }
    }
    return nil
  }

  private func decodeOrSkip(_ value: JSONValue, _ decoder: _JSONLinesDecoder) throws(LexiconError) -> LexiconEntry? {
    do {
      return try decoder.entry(value)
    } catch {
      guard options.lenient else { throw error }
      skipped.record(reason: error.code == .missing ? "missing member" : "wrong member type", at: decoder.location)
      return nil
    }
  }

  /// What one line of the file holds.
  private enum Line {
    case blank
    case value(JSONValue)
    case malformed(CoreError)
  }

  /// The next non-blank line parsed as JSON (lenient: malformed lines skipped).
  private func nextValue() throws(LexiconError) -> (JSONValue, Int)? {
    while true {
      let line: Line?
      do {
        line = try lines.withNextLine { bytes, number -> Line in
          if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
          do throws(CoreError) {
            return .value(try JSONParser.parse(bytes, path: path, line: number))
          } catch {
            return .malformed(error)
          }
        }
      } catch let error as CoreError {
        guard options.lenient, error.code == .invalidUTF8 || error.code == .lineTooLong else {
          throw LexiconError(
            error.code == .unreadable ? .io : .malformed, at: error.location, error.message, underlyingError: error)
        }
        skipped.record(reason: error.code.rawValue, at: error.location ?? lines.location)
        continue
      } catch {
        throw LexiconError(.io, at: lines.location, "\(error)")
      }
      switch line {
      case nil: return nil
      case .blank?: continue
      case .value(let value)?: return (value, lines.lineNumber)
      case .malformed(let error)?:
        guard options.lenient else { throw LexiconError.wrapping(error) }
        skipped.record(reason: "malformed JSON", at: error.location ?? lines.location)
      }
    }
  }
}

/// Writes Lexiform's JSON lines: one compact JSON object per entry, members
/// in the model's `Codable` order, after a `{"header": {…}}` line when the
/// header says anything. Lossless: ``JSONLinesReader`` gives back equal
/// entries and header.
public final class JSONLinesWriter: LexiconWriter {
  public var format: LexiconFormat { .jsonl }
  /// Always empty: the format holds everything the model holds.
  public private(set) var dropped = SkipCounter()
  private let output: AtomicOutput
  private var json = JSONWriter()

  /// Creates a writer.
  /// - Parameter output: Where the lines go; the caller commits it after ``finish()``.
  public init(output: AtomicOutput) {
    self.output = output
  }

  public func begin(_ header: LexiconHeader) throws(LexiconError) {
    guard header != LexiconHeader() else { return }
    json.reset()
    json.beginObject()
    json.key("header")
    json.lexiconHeader(header)
    json.endObject()
    try flushLine()
  }

  public func write(_ entry: LexiconEntry) throws(LexiconError) {
    json.reset()
    json.lexiconEntry(entry)
    try flushLine()
  }

  public func finish() throws(LexiconError) {}

  private func flushLine() throws(LexiconError) {
    var line = json.bytes
    line.append(0x0A)
    do {
      try output.write(bytes: line)
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
  }
}
