public import LexiformCore

/// Makes writers by format.
public enum LexiconWriters {
  /// The formats Lexiform can write.
  public static var writable: [LexiconFormat] { [.jsonl, .tsv, .lift, .tei] }

  /// A writer for `format` writing to `output`.
  /// - Parameters:
  ///   - format: One of ``writable``.
  ///   - output: Where to write; the caller commits it after `finish()`.
  /// - Returns: The writer.
  /// - Throws: ``LexiconError`` (`unknownFormat`) for a format Lexiform
  ///   does not write.
  public static func make(_ format: LexiconFormat, output: AtomicOutput) throws(LexiconError) -> any LexiconWriter {
    switch format {
    case .jsonl: return JSONLinesWriter(output: output)
    case .tsv: return TSVWriter(output: output)
    case .lift: return LIFTWriter(output: output)
    case .tei: return TEIWriter(output: output)
    default:
      throw LexiconError(
        .unknownFormat, at: SourceLocation(path: output.path),
        "cannot write \(format.rawValue); writable formats: \(writable.map(\.rawValue).joined(separator: ", "))")
    }
  }
}

extension LexiconWriters {
  /// Writes `entries` with a header in `format` to `output`, from `begin` to
  /// `finish`; the caller commits (or aborts) the output.
  /// - Parameters:
  ///   - entries: The entries, in order.
  ///   - header: What the file should say about itself.
  ///   - format: One of ``writable``.
  ///   - output: Where to write.
  /// - Returns: What the format could not hold, by reason.
  /// - Throws: ``LexiconError`` when the format is not writable or the output fails.
  @discardableResult
  public static func write(
    _ entries: some Sequence<LexiconEntry>, header: LexiconHeader, as format: LexiconFormat, to output: AtomicOutput
  ) throws(LexiconError) -> SkipCounter {
    let writer = try make(format, output: output)
    try writer.begin(header)
    for entry in entries { try writer.write(entry) }
    try writer.finish()
    return writer.dropped
  }
}
