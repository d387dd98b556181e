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
/// first read), so that reading back gives equal entries. A provenance
/// licence equal to the header's is written once, in the header line: an
/// entry line without `licence` has the header's (`null` means none).
///
/// - Complexity: O(*n*) in the file's bytes; memory O(longest line).
public final class JSONLinesReader: LexiconReader {
  public let path: String
  public var format: LexiconFormat { .jsonl }
  public private(set) var header = LexiconHeader()
  public private(set) var skipped = SkipCounter()
  private let options: LexiconReaderOptions
  private let source: _JSONLineSource
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
    source = try _JSONLineSource(path: path, lenient: options.lenient)
    self.path = source.path
    guard let (value, location) = try source.next(skipped: &skipped) else { return }
    let decoder = _JSONLinesDecoder(location: location)
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
    while let (value, location) = try source.next(skipped: &skipped) {
      if let entry = try decodeOrSkip(value, _JSONLinesDecoder(location: location, headerLicence: header.licence)) {
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
  /// Lines not yet written: they go out in large writes.
  private let lines = JSONByteBuffer(capacity: JSONLinesWriter.batchSize + (1 << 12))
  private var headerLicence: String?

  /// Creates a writer.
  /// - Parameter output: Where the lines go; the caller commits it after ``finish()``.
  public init(output: AtomicOutput) {
    self.output = output
  }

  public func begin(_ header: LexiconHeader) throws(LexiconError) {
    guard header != LexiconHeader() else { return }
    headerLicence = header.licence
    lines.raw("{\"header\":")
    lines.lexiconHeader(header)
    lines.raw("}\n")
  }

  public func write(_ entry: LexiconEntry) throws(LexiconError) {
    lines.lexiconEntry(entry, headerLicence: headerLicence)
    lines.byte(0x0A)
    if lines.count >= Self.batchSize { try flush() }
  }

  public func finish() throws(LexiconError) {
    try flush()
  }

  /// How many bytes of lines are collected before they are written.
  private static let batchSize = 1 << 16

  private func flush() throws(LexiconError) {
    guard lines.count > 0 else { return }
    let done = lines.withBytes { bytes in
      Result { () throws(CoreError) in try output.write(bytes: bytes) }
    }
    lines.removeAll()
    do {
      try done.get()
    } catch {
      throw LexiconError(.io, at: error.location, error.message, underlyingError: error)
    }
  }
}
